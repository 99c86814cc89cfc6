function shownConfig(c){var sets=[];
 if(c.baseline){sets.push({label:'baseline',data:c.baseline,borderColor:'#607d8b',backgroundColor:'#607d8b',borderDash:[6,4],pointRadius:2,showLine:true});}
 if(c.now){sets.push({label:'now',data:c.now,borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:2,showLine:true});}
 return{type:'scatter',data:{datasets:sets},options:{maintainAspectRatio:false,animation:false,plugins:{title:{display:true,text:c.title}},
  scales:{x:{title:{display:true,text:'seconds into the measured phase'}},y:{beginAtZero:c.zero,title:{display:true,text:c.unit}}}}};}
function shownSection(parent,s){
 var box=el('div',{'class':'shown','data-shown':s.kind});parent.appendChild(box);box.appendChild(el('h3',{},s.title));
 s.notes.forEach(function(n){box.appendChild(el('p',{'class':'note','data-note':s.kind},n));});
 if(s.rows.length){var t=el('table',{'data-table':s.kind});
  if(s.groups.length){var g=el('tr');s.groups.forEach(function(x){g.appendChild(el('th',{colspan:String(x.span)},x.label));});t.appendChild(g);}
  var h=el('tr');s.head.forEach(function(x){h.appendChild(el('th',{},x));});t.appendChild(h);
  s.rows.forEach(function(r){var tr=el('tr',{'data-row':r.key});r.cells.forEach(function(c,i){tr.appendChild(el('td',i?{'class':'num'}:{},c));});
   t.appendChild(tr);});box.appendChild(t);}
 if(!s.charts.length){return;}
 var charts=el('div',{'class':'charts'});box.appendChild(charts);
 if(!s.selector){s.charts.forEach(function(c){var b=el('div',{'data-chart':c.key});charts.appendChild(b);chart(b,shownConfig(c));});return;}
 var label=el('label',{},'chart of ');var pick=el('select',{'data-selector':s.kind});label.appendChild(pick);
 s.charts.forEach(function(c,i){pick.appendChild(el('option',{value:String(i)},c.title));});box.insertBefore(label,charts);
 var b=el('div',{'class':'wide','data-chart':s.charts[0].key});charts.appendChild(b);var shown=chart(b,shownConfig(s.charts[0]));
 pick.addEventListener('change',function(){var c=s.charts[Number(pick.value)];b.setAttribute('data-chart',c.key);
  var canvas=shown.canvas;shown.destroy();shown=new Chart(canvas,shownConfig(c));});
}

(function(){
var data=JSON.parse(document.getElementById('data').textContent);var root=document.getElementById('tests');var drawn=0;
function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs){e.setAttribute(k,attrs[k]);}if(text!==undefined){e.textContent=text;}return e;}
function chart(box,config){var c=el('canvas');box.appendChild(c);drawn++;return new Chart(c,config);}
/*SHOWN_SECTION_JS*/
function windows(n){var l=[];for(var i=1;i<=n;i++){l.push('window '+i);}return l;}
function line(label,values,color,dash){return{label:label,data:values,borderColor:color,backgroundColor:color,borderDash:dash||[],pointRadius:2,tension:0};}
function table(rows,withTest){var table=el('table');var head=el('tr');(withTest?['test']:[]).concat(['operation','metric','baseline','now','change','verdict','note']).forEach(function(h){head.appendChild(el('th',{},h));});table.appendChild(head);
 rows.forEach(function(r){var tr=el('tr');if(withTest){tr.appendChild(el('td',{},r.testId));}tr.appendChild(el('td',{},r.operation));tr.appendChild(el('td',{},r.metric));
  tr.appendChild(el('td',{'class':'num'},r.baseline));tr.appendChild(el('td',{'class':'num'},r.now));tr.appendChild(el('td',{'class':'num'},r.change));
  tr.appendChild(el('td',{'class':r.verdict},r.verdict));tr.appendChild(el('td',{},r.note));table.appendChild(tr);});return table;}
function viewCharts(section,v){
 section.appendChild(el('h3',{'data-view':v.name},v.name));var charts=el('div',{'class':'charts'});section.appendChild(charts);
 var b=v.baseline;var n=v.now;
 var dist=[{label:'now',data:n.distribution,borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:2,showLine:true}];
 if(b){dist.unshift({label:'baseline',data:b.distribution,borderColor:'#607d8b',backgroundColor:'#607d8b',borderDash:[6,4],pointRadius:2,showLine:true});}
 var box1=el('div');charts.appendChild(box1);
 chart(box1,{type:'scatter',data:{datasets:dist},options:{maintainAspectRatio:false,animation:false,plugins:{title:{display:true,text:'Latency by percentile (ms)'},
  tooltip:{callbacks:{label:function(c){return c.dataset.label+': p'+c.raw.percentile+' '+c.raw.y+' ms';}}}},
  scales:{x:{type:'logarithmic',title:{display:true,text:'percentile'},ticks:{callback:function(v){
   return {1:'0%',2:'50%',10:'90%',100:'99%',1000:'99.9%',10000:'99.99%',1000000:'max'}[v]||'';}}},
   y:{type:'logarithmic',title:{display:true,text:'ms'}}}}});
 var size=Math.max(n.p95.length,b?b.p95.length:0);var lat=[line('p50 now',n.p50,'#f48fb1'),line('p95 now',n.p95,'#c2185b'),line('p99 now',n.p99,'#6a1b9a')];
 if(b){lat.push(line('p95 baseline',b.p95,'#607d8b',[6,4]));lat.push(line('p99 baseline',b.p99,'#37474f',[2,3]));}
 var box2=el('div');charts.appendChild(box2);
 chart(box2,{type:'line',data:{labels:windows(size),datasets:lat},options:{maintainAspectRatio:false,animation:false,
  plugins:{title:{display:true,text:'Latency per window (ms)'}},scales:{y:{beginAtZero:true}}}});
 var thr=[line('now',n.throughput,'#c2185b')];if(b){thr.push(line('baseline',b.throughput,'#607d8b',[6,4]));}
 var box3=el('div');charts.appendChild(box3);
 chart(box3,{type:'line',data:{labels:windows(size),datasets:thr},options:{maintainAspectRatio:false,animation:false,
  plugins:{title:{display:true,text:'Throughput per window (requests/s)'}},scales:{y:{beginAtZero:true}}}});
}
function points(values){return (values||[]).map(function(v,i){return{x:i+1,y:v};});}
var verdict=document.getElementById('verdict');verdict.setAttribute('class',data.verdict.failed?'failed':'passed');
verdict.setAttribute('data-verdict',data.verdict.failed?'FAILED':'PASSED');verdict.appendChild(el('p',{},'Gate '+data.verdict.headline));
if(data.verdict.failing.length){verdict.appendChild(table(data.verdict.failing,true));}
data.tests.forEach(function(t){
 var section=el('section',{'data-test':t.testId,'data-gate':t.gate});
 section.appendChild(el('h2',{},t.testId+' (test '+t.status+', '+t.gate+')'));
 if(t.sideBySide){section.appendChild(el('p',{'class':'side-by-side'},t.sideBySide));}
 if(t.grade){var g=el('p',{'class':'grade','data-grade':t.grade},'SLO grade '+t.grade);section.appendChild(g);
  var ul=el('ul');t.slo.forEach(function(c){ul.appendChild(el('li',{},c));});section.appendChild(ul);}
 section.appendChild(table(t.rows));root.appendChild(section);
 t.views.forEach(function(v){viewCharts(section,v);});
 t.shown.forEach(function(s){shownSection(section,s);});
});
if(data.benchmarks.length){root.appendChild(el('h2',{},'JMH benchmarks'));}
data.benchmarks.forEach(function(bm){
 var section=el('section',{'data-benchmark':bm.id});section.appendChild(el('h2',{},bm.id));
 section.appendChild(table(bm.rows));var charts=el('div',{'class':'charts'});section.appendChild(charts);root.appendChild(section);
 bm.modes.forEach(function(m){var sets=[{label:'now',data:points(m.now),borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:3}];
  if(m.baseline){sets.unshift({label:'baseline',data:points(m.baseline),borderColor:'#607d8b',backgroundColor:'#607d8b',pointRadius:3,pointStyle:'rectRot'});}
  var box=el('div');charts.appendChild(box);
  chart(box,{type:'scatter',data:{datasets:sets},options:{maintainAspectRatio:false,animation:false,
   plugins:{title:{display:true,text:m.mode+' score per measurement iteration ('+m.unit+')'}},
   scales:{x:{title:{display:true,text:'iteration (forks in turn)'},ticks:{precision:0}},y:{beginAtZero:true}}}});});
});
document.body.setAttribute('data-charts-rendered',String(drawn));
})();

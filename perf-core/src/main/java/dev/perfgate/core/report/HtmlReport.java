package dev.perfgate.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.perfgate.core.compare.MetricComparison;
import dev.perfgate.core.compare.ResultComparator;
import dev.perfgate.core.jmh.BenchmarkResult;
import dev.perfgate.core.slo.SloCheck;
import dev.perfgate.core.result.HistogramCodec;
import dev.perfgate.core.result.LoadTestResult;
import dev.perfgate.core.result.SideBySideResult;
import dev.perfgate.core.result.OperationResult;
import dev.perfgate.core.result.WindowResult;

/**
 * {@code index.html}: one self-contained page (the charting library inlined, no network). First the
 * gate's verdict and the rows that failed it ({@link GateOutcome}); each test is headed by its run's
 * status and its gate's word apart, as a load test may pass as a test and fail the gate. Then, per
 * load test, the comparison rows and, for the total and each operation, three charts of baseline vs
 * now: the latency percentile distribution on a log scale (recomputed from the stored histograms),
 * latency per window, and throughput per window; per JMH benchmark, its rows and the score of every
 * measurement iteration of baseline vs now; per load test also the app container's CPU and memory and
 * the application's scraped metrics, baseline vs now, shown but not gated ({@code ResourceFigures},
 * {@code AppMetricFigures}). The page marks itself {@code data-charts-rendered} when its charts are
 * drawn and {@code data-errors} when a script failed, so a headless browser can check it.
 *
 * <pre>{@code
 * String html = HtmlReport.render(rows, tests, chartJsSource);
 * }</pre>
 */
public final class HtmlReport {

    /** Percentiles drawn in the distribution chart, up to the maximum. */
    private static final double[] PERCENTILES = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * The page for {@code rows} and {@code tests}, with {@code chartLibrary} (Chart.js 4, UMD build)
     * inlined.
     */
    public static String render(List<MetricComparison> rows, List<ReportedTest> tests, String chartLibrary) {
        return render(rows, tests, List.of(), chartLibrary);
    }

    /**
     * The page for {@code rows}, {@code tests} and {@code benchmarks} (JMH, charted by their iteration
     * scores), with {@code chartLibrary} (Chart.js 4, UMD build) inlined.
     */
    public static String render(List<MetricComparison> rows, List<ReportedTest> tests, List<ReportedBenchmark> benchmarks,
            String chartLibrary) {
        Map<String, Object> data = new LinkedHashMap<>();
        GateOutcome outcome = GateOutcome.of(rows);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("failed", outcome.failed());
        verdict.put("headline", outcome.headline());
        verdict.put("failing", outcome.failing().stream().map(row -> {
            Map<String, Object> failing = row(row);
            failing.put("testId", row.testId());
            return failing;
        }).collect(Collectors.toList()));
        data.put("verdict", verdict);
        List<Map<String, Object>> testData = new ArrayList<>();
        for (ReportedTest test : tests) {
            Map<String, Object> entry = new LinkedHashMap<>();
            String testId = test.current().testId();
            entry.put("testId", testId);
            entry.put("status", test.current().status().name());
            entry.put("gate", outcome.ofTest(testId));
            entry.put("views", views(test.current(), test.baseline()));
            entry.put("grade", test.current().slo() == null ? null : test.current().slo().grade().name());
            entry.put("slo", test.current().slo() == null ? List.of()
                    : test.current().slo().checks().stream().map(SloCheck::describe).collect(Collectors.toList()));
            List<ShownSection> shown = new ArrayList<>(List.of(ResourceFigures.of(test), AppMetricFigures.of(test)));
            ShownSection history = BaselineHistoryFigures.of(test);
            if (history != null) {
                shown.add(history);
            }
            entry.put("shown", shown);
            entry.put("rows", rowsOf(rows, testId));
            entry.put("sideBySide", sideBySide(test.current()));
            testData.add(entry);
        }
        data.put("tests", testData);
        List<Map<String, Object>> benchmarkData = new ArrayList<>();
        for (ReportedBenchmark benchmark : benchmarks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", benchmark.id());
            entry.put("modes", benchmarkModes(benchmark));
            entry.put("rows", rowsOf(rows, benchmark.id()));
            benchmarkData.add(entry);
        }
        data.put("benchmarks", benchmarkData);
        // Data first: the library's text must not be searched for the data marker. No '<' at all in the
        // data: a label value's "</script" or "<!--" would otherwise end or derail the script element.
        return TEMPLATE
                .replace("/*DATA*/", json(data).replace("<", "\\u003c"))
                .replace("/*CHART_JS*/", chartLibrary.replace("</script", "<\\/script"));
    }

    private static List<Map<String, Object>> rowsOf(List<MetricComparison> rows, String testId) {
        return rows.stream().filter(r -> r.testId().equals(testId)).map(HtmlReport::row).collect(Collectors.toList());
    }

    /**
     * The charted views of a test: the total, then each operation; a test that made one and the same
     * operation in both runs has that operation only, as its total would repeat it.
     */
    /** For a side-by-side run, what its two sides are: the charts' "baseline" is then the reference. */
    private static String sideBySide(LoadTestResult current) {
        if (current.sideBySide() == null) {
            return null;
        }
        SideBySideResult trials = current.sideBySide();
        return "Side by side: baseline = the reference (A: " + trials.reference() + "), now = this build (B: " + trials.candidate()
                + "), measured in the same run, " + trials.describeTrials() + "; one point per trial.";
    }

    private static List<Map<String, Object>> views(LoadTestResult current, LoadTestResult baseline) {
        List<Map<String, Object>> views = new ArrayList<>();
        Map<String, OperationResult> operations = new TreeMap<>(current.operations());
        boolean single = operations.size() == 1 && (baseline == null || baseline.operations().keySet().equals(operations.keySet()));
        if (single) {
            String name = operations.keySet().iterator().next();
            views.add(view(name, current.total(), baseline == null ? null : baseline.total(), current, baseline));
            return views;
        }
        views.add(view(ResultComparator.TOTAL, current.total(), baseline == null ? null : baseline.total(), current, baseline));
        operations.forEach((name, now) -> views.add(view(name, now, baseline == null ? null : baseline.operations().get(name), current, baseline)));
        return views;
    }

    private static Map<String, Object> view(String name, OperationResult now, OperationResult before, LoadTestResult current,
            LoadTestResult baseline) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("now", series(now, current.startedAt()));
        view.put("baseline", before == null ? null : series(before, baseline.startedAt()));
        return view;
    }

    private static List<Map<String, Object>> benchmarkModes(ReportedBenchmark benchmark) {
        List<Map<String, Object>> modes = new ArrayList<>();
        for (BenchmarkResult now : benchmark.current()) {
            Map<String, Object> mode = new LinkedHashMap<>();
            mode.put("mode", now.mode().shortName());
            mode.put("unit", now.unit());
            mode.put("now", now.iterations());
            mode.put("baseline", benchmark.baseline().stream().filter(b -> b.mode() == now.mode() && b.unit().equals(now.unit()))
                    .map(BenchmarkResult::iterations).findFirst().orElse(null));
            modes.add(mode);
        }
        return modes;
    }

    private static Map<String, Object> series(OperationResult operation, String startedAt) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("distribution", distribution(operation.histogram()));
        List<WindowResult> windows = operation.windows();
        series.put("p50", windows.stream().map(WindowResult::p50).collect(Collectors.toList()));
        series.put("p95", windows.stream().map(WindowResult::p95).collect(Collectors.toList()));
        series.put("p99", windows.stream().map(WindowResult::p99).collect(Collectors.toList()));
        series.put("throughput", windows.stream().map(WindowResult::throughputPerSecond).collect(Collectors.toList()));
        series.put("startedAt", startedAt);
        return series;
    }

    /** {x: 1 / (1 - percentile/100), y: latency ms} points, the usual HdrHistogram plot; empty without a histogram. */
    private static List<Map<String, Double>> distribution(String encoded) {
        List<Map<String, Double>> points = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return points;
        }
        Histogram histogram = HistogramCodec.decode(encoded);
        if (histogram.getTotalCount() == 0) {
            return points;
        }
        for (double percentile : PERCENTILES) {
            double x = percentile >= 100 ? 1_000_000 : 1 / (1 - percentile / 100);
            double y = (percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)) / 1000.0;
            points.add(Map.of("x", x, "y", y, "percentile", percentile));
        }
        return points;
    }

    private static Map<String, Object> row(MetricComparison row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operation", row.operation());
        json.put("metric", row.metricLabel());
        json.put("baseline", row.format(row.baseline()));
        json.put("now", row.format(row.current()));
        json.put("change", row.change());
        json.put("verdict", row.verdict().name());
        json.put("note", row.note());
        return json;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data is not serialisable: " + e.getMessage(), e);
        }
    }

    private static final String TEMPLATE = String.join("\n",
            "<!DOCTYPE html>",
            "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>perfgate report</title>",
            "<style>",
            "body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2.5rem}h3{font-size:.95rem;color:#555;margin:1.2rem 0 0}",
            "table{border-collapse:collapse;font-size:.85rem}td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left}",
            "td.num{text-align:right;font-variant-numeric:tabular-nums}.REGRESSED{color:#b00020;font-weight:600}.IMPROVED{color:#1b7f3b}",
            ".grade{font-weight:600}.INCONCLUSIVE{color:#8a6d00}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:1.5rem;margin-top:1rem}",
            ".charts div{height:280px}.charts div.wide{grid-column:1/-1}p.note{color:#8a6d00;margin:.4rem 0}select{margin-top:.6rem}",
            "#verdict{padding:.8rem 1rem;border-radius:4px;margin:1rem 0}#verdict.failed{background:#fde7ea}#verdict.passed{background:#e6f4ea}#verdict p{font-size:1.1rem;font-weight:600;margin:0 0 .4rem}",
            "</style>",
            "<script>window.__perfgateErrors=[];window.addEventListener('error',function(e){window.__perfgateErrors.push(String(e.message));",
            "document.body&&document.body.setAttribute('data-errors',window.__perfgateErrors.join(' | '));});</script>",
            "<script>/*CHART_JS*/</script>",
            "</head><body>",
            "<h1>perfgate: baseline vs now</h1><div id=\"verdict\"></div><div id=\"tests\"></div>",
            "<script type=\"application/json\" id=\"data\">/*DATA*/</script>",
            "<script>",
            "(function(){",
            "var data=JSON.parse(document.getElementById('data').textContent);var root=document.getElementById('tests');var drawn=0;",
            "function el(tag,attrs,text){var e=document.createElement(tag);for(var k in attrs){e.setAttribute(k,attrs[k]);}if(text!==undefined){e.textContent=text;}return e;}",
            "function chart(box,config){var c=el('canvas');box.appendChild(c);drawn++;return new Chart(c,config);}",
            ShownSection.SCRIPT,
            "function windows(n){var l=[];for(var i=1;i<=n;i++){l.push('window '+i);}return l;}",
            "function line(label,values,color,dash){return{label:label,data:values,borderColor:color,backgroundColor:color,borderDash:dash||[],pointRadius:2,tension:0};}",
            "function table(rows,withTest){var table=el('table');var head=el('tr');(withTest?['test']:[]).concat(['operation','metric','baseline','now','change','verdict','note']).forEach(function(h){head.appendChild(el('th',{},h));});table.appendChild(head);",
            " rows.forEach(function(r){var tr=el('tr');if(withTest){tr.appendChild(el('td',{},r.testId));}tr.appendChild(el('td',{},r.operation));tr.appendChild(el('td',{},r.metric));",
            "  tr.appendChild(el('td',{'class':'num'},r.baseline));tr.appendChild(el('td',{'class':'num'},r.now));tr.appendChild(el('td',{'class':'num'},r.change));",
            "  tr.appendChild(el('td',{'class':r.verdict},r.verdict));tr.appendChild(el('td',{},r.note));table.appendChild(tr);});return table;}",
            "function viewCharts(section,v){",
            " section.appendChild(el('h3',{'data-view':v.name},v.name));var charts=el('div',{'class':'charts'});section.appendChild(charts);",
            " var b=v.baseline;var n=v.now;",
            " var dist=[{label:'now',data:n.distribution,borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:2,showLine:true}];",
            " if(b){dist.unshift({label:'baseline',data:b.distribution,borderColor:'#607d8b',backgroundColor:'#607d8b',borderDash:[6,4],pointRadius:2,showLine:true});}",
            " var box1=el('div');charts.appendChild(box1);",
            " chart(box1,{type:'scatter',data:{datasets:dist},options:{maintainAspectRatio:false,animation:false,plugins:{title:{display:true,text:'Latency by percentile (ms)'},",
            "  tooltip:{callbacks:{label:function(c){return c.dataset.label+': p'+c.raw.percentile+' '+c.raw.y+' ms';}}}},",
            "  scales:{x:{type:'logarithmic',title:{display:true,text:'percentile'},ticks:{callback:function(v){",
            "   return {1:'0%',2:'50%',10:'90%',100:'99%',1000:'99.9%',10000:'99.99%',1000000:'max'}[v]||'';}}},",
            "   y:{type:'logarithmic',title:{display:true,text:'ms'}}}}});",
            " var size=Math.max(n.p95.length,b?b.p95.length:0);var lat=[line('p50 now',n.p50,'#f48fb1'),line('p95 now',n.p95,'#c2185b'),line('p99 now',n.p99,'#6a1b9a')];",
            " if(b){lat.push(line('p95 baseline',b.p95,'#607d8b',[6,4]));lat.push(line('p99 baseline',b.p99,'#37474f',[2,3]));}",
            " var box2=el('div');charts.appendChild(box2);",
            " chart(box2,{type:'line',data:{labels:windows(size),datasets:lat},options:{maintainAspectRatio:false,animation:false,",
            "  plugins:{title:{display:true,text:'Latency per window (ms)'}},scales:{y:{beginAtZero:true}}}});",
            " var thr=[line('now',n.throughput,'#c2185b')];if(b){thr.push(line('baseline',b.throughput,'#607d8b',[6,4]));}",
            " var box3=el('div');charts.appendChild(box3);",
            " chart(box3,{type:'line',data:{labels:windows(size),datasets:thr},options:{maintainAspectRatio:false,animation:false,",
            "  plugins:{title:{display:true,text:'Throughput per window (requests/s)'}},scales:{y:{beginAtZero:true}}}});",
            "}",
            "function points(values){return (values||[]).map(function(v,i){return{x:i+1,y:v};});}",
            "var verdict=document.getElementById('verdict');verdict.setAttribute('class',data.verdict.failed?'failed':'passed');",
            "verdict.setAttribute('data-verdict',data.verdict.failed?'FAILED':'PASSED');verdict.appendChild(el('p',{},'Gate '+data.verdict.headline));",
            "if(data.verdict.failing.length){verdict.appendChild(table(data.verdict.failing,true));}",
            "data.tests.forEach(function(t){",
            " var section=el('section',{'data-test':t.testId,'data-gate':t.gate});",
            " section.appendChild(el('h2',{},t.testId+' (test '+t.status+', '+t.gate+')'));",
            " if(t.sideBySide){section.appendChild(el('p',{'class':'side-by-side'},t.sideBySide));}",
            " if(t.grade){var g=el('p',{'class':'grade','data-grade':t.grade},'SLO grade '+t.grade);section.appendChild(g);",
            "  var ul=el('ul');t.slo.forEach(function(c){ul.appendChild(el('li',{},c));});section.appendChild(ul);}",
            " section.appendChild(table(t.rows));root.appendChild(section);",
            " t.views.forEach(function(v){viewCharts(section,v);});",
            " t.shown.forEach(function(s){shownSection(section,s);});",
            "});",
            "if(data.benchmarks.length){root.appendChild(el('h2',{},'JMH benchmarks'));}",
            "data.benchmarks.forEach(function(bm){",
            " var section=el('section',{'data-benchmark':bm.id});section.appendChild(el('h2',{},bm.id));",
            " section.appendChild(table(bm.rows));var charts=el('div',{'class':'charts'});section.appendChild(charts);root.appendChild(section);",
            " bm.modes.forEach(function(m){var sets=[{label:'now',data:points(m.now),borderColor:'#c2185b',backgroundColor:'#c2185b',pointRadius:3}];",
            "  if(m.baseline){sets.unshift({label:'baseline',data:points(m.baseline),borderColor:'#607d8b',backgroundColor:'#607d8b',pointRadius:3,pointStyle:'rectRot'});}",
            "  var box=el('div');charts.appendChild(box);",
            "  chart(box,{type:'scatter',data:{datasets:sets},options:{maintainAspectRatio:false,animation:false,",
            "   plugins:{title:{display:true,text:m.mode+' score per measurement iteration ('+m.unit+')'}},",
            "   scales:{x:{title:{display:true,text:'iteration (forks in turn)'},ticks:{precision:0}},y:{beginAtZero:true}}}});});",
            "});",
            "document.body.setAttribute('data-charts-rendered',String(drawn));",
            "})();",
            "</script></body></html>",
            "");
}

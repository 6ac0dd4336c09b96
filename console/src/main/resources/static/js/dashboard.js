// The dashboard's chart: events received and applied per minute over the last hour (uPlot). The data
// comes with the page (a JSON block, so the strict CSP holds); without script the totals above still say it.
(function () {
    function draw() {
        var holder = document.getElementById("throughput-chart");
        var data = document.getElementById("throughput-data");
        if (!holder || !data || typeof uPlot === "undefined") {
            return;
        }
        var rows = JSON.parse(data.textContent);
        var series = [[], [], []];
        rows.forEach(function (row) {
            series[0].push(row[0]);
            series[1].push(row[1]);
            series[2].push(row[2]);
        });
        new uPlot({
            width: Math.min(holder.clientWidth || 900, 1100),
            height: 240,
            series: [
                {},
                {label: holder.dataset.received, stroke: "#1f4e79", width: 2},
                {label: holder.dataset.applied, stroke: "#1a7f37", width: 2}
            ],
            axes: [{}, {size: 60}]
        }, series, holder);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", draw);
    } else {
        draw();
    }
})();

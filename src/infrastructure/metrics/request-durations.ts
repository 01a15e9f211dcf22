// The request-duration histogram (icp_http_request_duration_seconds), counted on every request, so
// kept without prom-client's work per observation: its Histogram.observe builds a labels object and a
// closure, checks the label names, joins the labels into a string key and looks the series up by it,
// then the bucket by its bound turned into a string (issue 20: some 4% of a fixed page's CPU). Here a
// series is found through a map per label (route, then method, then status), made once, and an
// observation adds to numbers. A scrape reads it through get(), in the shape prom-client's Histogram
// gives (the same Prometheus text, and the cluster's aggregation sums it as it sums a histogram):
// request-durations.test.ts holds the two side by side.
type RequestLabels = { route: string; method: string; status: string };

interface Series {
  labels: RequestLabels;
  /** Observations up to each bound and above the one before it (the last slot: above every bound). */
  counts: Float64Array;
  sum: number;
  count: number;
}

type Sample = { labels: Partial<RequestLabels> & { le?: number | string }; value: number; metricName: string };

export class RequestDurations {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #series = new Map<string, Map<string, Map<number, Series>>>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
    /** The status label of a status code, asked once a series (the series are kept by the code itself). */
    private readonly statusLabel: (status: number) => string,
  ) {}

  /** One request: its route and method as their labels, its status code, its duration. */
  observe(route: string, method: string, status: number, seconds: number): void {
    const series = this.seriesOf(route, method, status);
    const bounds = this.bounds;
    let slot = 0;
    while (slot < bounds.length && seconds > bounds[slot]!) slot++;
    series.counts[slot]! += 1;
    series.sum += seconds;
    series.count += 1;
  }

  private seriesOf(route: string, method: string, status: number): Series {
    let byMethod = this.#series.get(route);
    if (!byMethod) this.#series.set(route, (byMethod = new Map<string, Map<number, Series>>()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map<number, Series>()));
    let series = byStatus.get(status);
    if (!series) byStatus.set(status, (series = { labels: { route, method, status: this.statusLabel(status) }, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 }));
    return series;
  }

  /** What a registry reads at a scrape: each series' cumulative buckets, then its sum and count, as prom-client's Histogram gives them. */
  get(): { name: string; help: string; type: 'histogram'; aggregator: 'sum'; values: Sample[] } {
    const values: Sample[] = [];
    for (const byMethod of this.#series.values()) {
      for (const byStatus of byMethod.values()) {
        for (const { labels, counts, sum, count } of byStatus.values()) {
          let cumulative = 0;
          this.bounds.forEach((bound, slot) => {
            cumulative += counts[slot]!;
            values.push({ labels: { le: bound, ...labels }, value: cumulative, metricName: `${this.name}_bucket` });
          });
          values.push({ labels: { le: '+Inf', ...labels }, value: count, metricName: `${this.name}_bucket` }, { labels: { ...labels }, value: sum, metricName: `${this.name}_sum` }, { labels: { ...labels }, value: count, metricName: `${this.name}_count` });
        }
      }
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }
}

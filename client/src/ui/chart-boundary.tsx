import { Component, type ReactNode } from 'react';

/**
 * Around a chart whose library loads on first use: if that download fails, the page says so
 * and keeps working, since every chart has a table beside it with the same figures.
 */
export class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed
      ? <p className="funding-chart__fallback">The chart could not be loaded. The table has the same figures.</p>
      : this.props.children;
  }
}

import Dashboard from './_components/Dashboard';

/** The dashboard: one page, four views; all querying happens in the browser (DuckDB-WASM). */
export default function Page() {
  return <Dashboard />;
}

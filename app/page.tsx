export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-3xl font-semibold">Tablesync</h1>
      <p className="mt-4 text-gray-700">
        Send your data as CSV from any system; Tablesync keeps a typed table in step with it.
      </p>
    </main>
  );
}

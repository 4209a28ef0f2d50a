// The configuration window: title, close link, the list of steps and the current one.
import Link from "next/link";

export type FrameStep = { id: string; label: string };

export function WizardFrame(props: {
  title: string;
  closeHref: string;
  steps: FrameStep[];
  current: string | null;
  children: React.ReactNode;
}) {
  const currentIndex = props.steps.findIndex((s) => s.id === props.current);
  return (
    <section
      aria-labelledby="sync-wizard-title"
      className="mx-auto my-4 w-full max-w-4xl rounded-lg border border-gray-200 bg-white shadow-sm sm:my-8"
    >
      <header className="flex items-center justify-between gap-4 border-b border-gray-200 px-4 py-3 sm:px-6">
        <h2 id="sync-wizard-title" className="text-lg font-semibold">
          {props.title}
        </h2>
        <Link href={props.closeHref} prefetch={false} className="rounded px-2 py-1 text-sm text-gray-600 hover:bg-gray-100" aria-label="Close">
          ✕
        </Link>
      </header>
      {props.steps.length > 0 && (
        <ol aria-label="Steps" className="flex flex-wrap gap-x-4 gap-y-1 border-b border-gray-100 px-4 py-2 text-sm sm:px-6">
          {props.steps.map((step, i) => (
            <li
              key={step.id}
              aria-current={step.id === props.current ? "step" : undefined}
              className={
                step.id === props.current ? "font-semibold text-blue-700" : i < currentIndex ? "text-gray-700" : "text-gray-500"
              }
            >
              {i + 1}. {step.label}
            </li>
          ))}
        </ol>
      )}
      <div className="px-4 py-4 sm:px-6 sm:py-6">{props.children}</div>
    </section>
  );
}

export function WizardFooter({ children }: { children: React.ReactNode }) {
  return <div className="mt-6 flex flex-wrap items-center justify-end gap-3 border-t border-gray-100 pt-4">{children}</div>;
}

export const primaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md bg-accent px-4 py-2 text-sm font-semibold text-on-accent hover:bg-accent-hover disabled:cursor-not-allowed disabled:bg-gray-300 disabled:text-gray-600";
export const secondaryButton =
  "inline-flex items-center justify-center gap-2 rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-semibold text-gray-800 hover:bg-gray-50";
export const inputClass =
  "w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200 aria-[invalid=true]:border-red-500";

export function FieldError({ id, message }: { id?: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

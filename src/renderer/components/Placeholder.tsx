import type { Section } from '../sections';

/** Stands in for a screen that a later part of the app fills. */
export function Placeholder({ section }: { section: Section }) {
  const Icon = section.icon;
  return (
    <section className="placeholder" aria-labelledby="screen-title">
      <Icon aria-hidden="true" size={40} />
      <h1 id="screen-title">{section.label}</h1>
      <p>{section.summary}</p>
      <p className="muted">This screen is not available yet in this version.</p>
    </section>
  );
}

/**
 * A sentence made of parts (lib/query/sentence-parts.ts) as inline text: data as printed (agency
 * names, city and county names) in `<span translate="no">`, so that neither a browser's page
 * translation nor the English UI's test (tests/browser/suites/english.ts) treats it as UI text.
 * The text is the same as the sentence's plain string.
 */
import type { TextPart } from '@/lib/query/sentence-parts';

/** The parts in order; `data` parts wrapped in `translate="no"`. */
export default function SentenceText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.data ? (
          <span key={i} translate="no">
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}

import type { Segment } from '@/lib/search';

/** Text with the words that matched the search marked. Segments are plain text: nothing is parsed as HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>;
}

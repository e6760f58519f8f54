// An empty page of this build: bench/page-weight.mjs weighs it as the framework's own JavaScript, beside ours.
export const dynamic = 'force-static';

export default function BaselinePage() {
  return <p>Baseline</p>;
}

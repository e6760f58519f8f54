import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/preview';

/** GET /api/preview/exit?path=/articles/x: leaves preview and shows the published page. */
export async function GET(request: Request) {
  (await draftMode()).disable();
  redirect(safeReturnPath(new URL(request.url).searchParams.get('path')) ?? '/');
}

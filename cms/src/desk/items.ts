// What the desk widgets list (attention.ts makes them, src/admin/desk-widgets.tsx shows them): one entry each,
// named for a link to its edit view.

export type Item = { documentId: string; locale: string; title: string };
export type Scheduled = Item & { action: 'publish' | 'unpublish'; at: string };
export type NeedsFixing = Item & { updatedAt: string; problems: string[] };
export type Published = Item & { publishedAt: string };
export type StaleTranslation = Item & { translatedFrom: string | null; updatedAt: string };

/** A picture whose licence ends soon, with the entries (articles, series) that show it. */
export type LicenceEnding = {
  fileId: number;
  name: string;
  endsAt: string;
  licence: string | null;
  credit: string | null;
  uses: (Item & { uid: string; published: boolean })[];
};

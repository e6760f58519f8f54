import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import type { Item, LicenceEnding, NeedsFixing, Published, Scheduled, StaleTranslation } from '../desk/items';

// The admin home's desk widgets: what needs an editor's attention today (src/desk/attention.ts). Times are
// shown in the site's time zone, the one the newsroom works in, whatever the editor's browser says.

type Answer<T> = { timeZone: string; items: T[]; total?: number };

/** The entry's edit view in the content manager, in its own locale. */
export const entryPath = ({ documentId, locale, uid = 'api::article.article' }: Pick<Item, 'documentId' | 'locale'> & { uid?: string }) =>
  `/content-manager/collection-types/${uid}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

export const formatTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));

function useDeskAnswer<T>(path: string) {
  const { get } = useFetchClient();
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const load = () =>
      get<{ data: Answer<T> }>(path)
        .then(({ data }) => live && (setAnswer(data.data), setFailed(false)))
        .catch(() => live && setFailed(true));
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [get, path]);
  return { answer, failed };
}

/** What every desk list shows while its answer is unreadable, loading or empty; `children` draws the items. */
function DeskAnswer<T>({ path, empty, children }: { path: string; empty: string; children: (answer: Answer<T>) => ReactNode }) {
  const { answer, failed } = useDeskAnswer<T>(path);
  if (failed) return <Typography textColor="danger600">This list could not be read.</Typography>;
  if (!answer) return <Typography variant="pi">Loading…</Typography>;
  if (answer.items.length === 0) return <Typography variant="pi">{empty}</Typography>;
  return children(answer);
}

function DeskList<T extends Item>({
  path,
  empty,
  render,
}: {
  path: string;
  empty: string;
  render: (item: T, timeZone: string) => ReactNode;
}) {
  return (
    <DeskAnswer<T> path={path} empty={empty}>
      {(answer) => {
        const more = (answer.total ?? answer.items.length) - answer.items.length;
        return (
          <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
            {answer.items.map((item) => (
              <li key={`${item.documentId}:${item.locale}:${'action' in item ? item.action : ''}`}>
                <Flex direction="column" alignItems="stretch" gap={1}>
                  <Link to={entryPath(item)}>
                    <Typography fontWeight="semiBold" ellipsis>
                      {item.title} {item.locale !== 'en' ? `(${item.locale})` : ''}
                    </Typography>
                  </Link>
                  {render(item, answer.timeZone)}
                </Flex>
              </li>
            ))}
            {more > 0 ? <Typography variant="pi">and {more} more</Typography> : null}
          </Flex>
        );
      }}
    </DeskAnswer>
  );
}

export function ScheduledWidget() {
  return (
    <DeskList<Scheduled>
      path="/desk/scheduled"
      empty="Nothing publishes or unpublishes by itself in the next 48 hours."
      render={(item, timeZone) => (
        <Flex gap={2}>
          <Badge>{item.action === 'publish' ? 'Publishes' : 'Unpublishes'}</Badge>
          <Typography variant="pi">{formatTime(item.at, timeZone)}</Typography>
        </Flex>
      )}
    />
  );
}

export function NeedsFixingWidget() {
  return (
    <DeskList<NeedsFixing>
      path="/desk/needs-fixing"
      empty="Every draft would pass the pre-publish checks."
      render={(item) => (
        <Typography variant="pi" textColor="danger600">
          {item.problems.join('; ')}
        </Typography>
      )}
    />
  );
}

export function RecentlyPublishedWidget() {
  return (
    <DeskList<Published>
      path="/desk/recently-published"
      empty="Nothing has been published yet."
      render={(item, timeZone) => <Typography variant="pi">{formatTime(item.publishedAt, timeZone)}</Typography>}
    />
  );
}

export function StaleTranslationsWidget() {
  return (
    <DeskList<StaleTranslation>
      path="/desk/stale-translations"
      empty="Every translation follows its original's published version."
      render={(item) => (
        <Typography variant="pi" textColor="warning600">
          The original{item.translatedFrom ? ` (${item.translatedFrom})` : ''} has been published again since.
        </Typography>
      )}
    />
  );
}

const LICENCE_NAMES: Record<string, string> = {
  staff: 'Staff',
  agency: 'Agency',
  'creative-commons': 'Creative Commons',
  'public-domain': 'Public domain',
  handout: 'Handout',
};

/** Pictures whose licence ends in the next 14 days, each with the entries that show it. */
export function LicencesEndingWidget() {
  return (
    <DeskAnswer<LicenceEnding> path="/desk/licences-ending" empty="No picture's licence ends in the next 14 days.">
      {(answer) => (
        <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
          {answer.items.map((picture) => (
            <li key={picture.fileId}>
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Typography fontWeight="semiBold" ellipsis>
                  {picture.name}
                </Typography>
                <Typography variant="pi" textColor="warning600">
                  {[picture.licence && LICENCE_NAMES[picture.licence], picture.credit].filter(Boolean).join(', ')}: usable until{' '}
                  {formatTime(picture.endsAt, answer.timeZone)}
                </Typography>
                {picture.uses.map((use) => (
                  <Link key={`${use.uid}:${use.documentId}:${use.locale}`} to={entryPath(use)}>
                    <Typography variant="pi">
                      {use.title} {use.locale !== 'en' ? `(${use.locale})` : ''} {use.published ? '' : '(draft)'}
                    </Typography>
                  </Link>
                ))}
              </Flex>
            </li>
          ))}
        </Flex>
      )}
    </DeskAnswer>
  );
}

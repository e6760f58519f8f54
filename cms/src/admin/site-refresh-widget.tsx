import { useEffect, useState } from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Backlog, DeliveryView } from '../outbox/store';

// The admin home's "Site refresh" widget: what the outbox still has to deliver to the web app and the edge
// (src/outbox), and the newest deliveries with their state, so an editor can see that a publish reached the
// site, or why it has not yet. Refreshed every ten seconds.

type View = { backlog: Backlog; deliveries: DeliveryView[] };

const RECEIVERS = { web: 'Web app', edge: 'Edge', search: 'Search index' };
const TYPES: Record<string, string> = {
  'api::article.article': 'Article',
  'api::author.author': 'Author',
  'api::section.section': 'Section',
  'api::tag.tag': 'Tag',
  'api::series.series': 'Series',
  'api::page.page': 'Page',
  'api::site.site': 'Site settings',
};
const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function Summary({ backlog }: { backlog: View['backlog'] }) {
  if (backlog.pending === 0 && backlog.failed === 0)
    return <Typography variant="pi">Everything published has reached the site.</Typography>;
  const waited = backlog.oldestPendingMs === null ? '' : `, the oldest for ${Math.round(backlog.oldestPendingMs / 1000)} s`;
  return (
    <Typography variant="pi" textColor={backlog.failed > 0 ? 'danger600' : 'warning600'}>
      {backlog.pending > 0 ? `${backlog.pending} waiting to be delivered${waited}. ` : ''}
      {backlog.failed > 0 ? `${backlog.failed} refused by the receiver (see the CMS log).` : ''}
    </Typography>
  );
}

export function SiteRefreshWidget() {
  const { get } = useFetchClient();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let live = true;
    const load = () =>
      get<{ data: View }>('/site-refresh/deliveries')
        .then(({ data }) => live && (setView(data.data), setError(false)))
        .catch(() => live && setError(true));
    void load();
    const timer = setInterval(load, 10_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [get]);

  if (error) return <Typography textColor="danger600">The deliveries could not be read.</Typography>;
  if (!view) return <Typography variant="pi">Loading…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Summary backlog={view.backlog} />
      {view.deliveries.map((delivery) => (
        <Flex key={delivery.id} justifyContent="space-between" gap={2}>
          <Typography variant="pi" ellipsis>
            {time(delivery.createdAt)} · {TYPES[delivery.uid] ?? delivery.uid} {delivery.event.replace('entry.', '')}
            {delivery.locale ? ` (${delivery.locale})` : ''} → {RECEIVERS[delivery.receiver]}
          </Typography>
          <Badge
            active={delivery.state === 'delivered'}
            textColor={delivery.state === 'failed' ? 'danger600' : undefined}
            title={delivery.lastError ?? undefined}
          >
            {delivery.state === 'pending' && delivery.attempts > 0 ? `retrying (${delivery.attempts})` : delivery.state}
          </Badge>
        </Flex>
      ))}
    </Flex>
  );
}

import { Badge, Flex, Typography } from '@strapi/design-system';

// The article list's "Publish at" cell: a draft whose publish time is ahead is Scheduled (the list's own
// status column knows only draft, published and modified); a past time is history.

type Row = { publishAt?: string | null; status?: string };

export function ScheduleCell({ publishAt, status }: Row) {
  if (!publishAt) return <Typography textColor="neutral500">-</Typography>;
  const at = new Date(publishAt);
  const time = at.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  if (at.getTime() <= Date.now() || status === 'published') return <Typography textColor="neutral600">{time}</Typography>;
  return (
    <Flex gap={2}>
      <Badge>Scheduled</Badge>
      <Typography>{time}</Typography>
    </Flex>
  );
}

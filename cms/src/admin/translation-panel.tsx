import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent, PanelComponentProps } from '@strapi/content-manager/strapi-admin';

// The "Translation" panel of an article's edit view: how this locale's text was made (by people, by a
// machine, reviewed) and from which version of which original; a warning when the original has been
// published again since; and, for each locale the article lacks, a button that fills its draft from a
// machine translation (POST /machine-translation/drafts; nothing is published).

const ARTICLE = 'api::article.article';

type Offer = { provider: { id: string; name: string } | null; locales: { code: string; name: string }[] };
type Article = {
  locale?: string;
  translationOrigin?: 'human' | 'machine' | 'machine-reviewed' | null;
  translatedFrom?: string | null;
  translatedFromVersion?: string | null;
  translationProvider?: string | null;
  translationStale?: boolean | null;
};

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function Provenance({ article }: { article: Article }) {
  if (!article.translatedFrom && !article.translationOrigin) {
    return <Typography variant="pi">An original, not a translation.</Typography>;
  }
  const made =
    article.translationOrigin === 'machine'
      ? `Machine translation${article.translationProvider ? ` by ${article.translationProvider}` : ''}, not reviewed yet`
      : article.translationOrigin === 'machine-reviewed'
        ? `Machine translation${article.translationProvider ? ` by ${article.translationProvider}` : ''}, reviewed`
        : 'Translated by people';
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi">
        {made}
        {article.translatedFrom ? ` from ${article.translatedFrom}` : ''}
        {article.translatedFromVersion ? `, following the version published ${when(article.translatedFromVersion)}` : ''}.
      </Typography>
      {article.translationOrigin === 'machine' && (
        <Typography variant="pi" textColor="warning600">
          Read it against the original, then set Translation origin to machine-reviewed: it cannot be published before.
        </Typography>
      )}
      {article.translationStale && (
        <Box background="warning100" padding={2} hasRadius>
          <Typography variant="pi" textColor="warning700">
            Stale: the original has been published again since this translation. Bring it up to date, then publish it.
          </Typography>
        </Box>
      )}
    </Flex>
  );
}

function MachineDrafts({ documentId, from, existing }: { documentId: string; from: string; existing: string[] }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    get<{ data: Offer }>(`/machine-translation/locales?from=${encodeURIComponent(from)}`)
      .then(({ data }) => live && setOffer(data.data))
      .catch(() => live && setOffer({ provider: null, locales: [] }));
    return () => {
      live = false;
    };
  }, [get, from]);

  const missing = offer?.locales.filter((locale) => !existing.includes(locale.code)) ?? [];
  if (!offer?.provider || missing.length === 0) return null;

  async function start(to: string) {
    setBusy(to);
    try {
      const { data } = await post<{ data: { notes: string[] } }>('/machine-translation/drafts', { documentId, from, to });
      toggleNotification({
        type: 'success',
        message: [
          'A machine-translated draft was made: review it, then mark it reviewed to publish.',
          ...data.data.notes.map((note) => `${note}.`),
        ].join(' '),
      });
      navigate({ search: `?plugins[i18n][locale]=${encodeURIComponent(to)}` });
    } catch (error) {
      const message = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message;
      toggleNotification({ type: 'danger', message: message ?? 'The machine translation could not be made. Nothing was changed.' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi">Start another language from a machine translation by {offer.provider.name}:</Typography>
      {missing.map((locale) => (
        <Button
          key={locale.code}
          variant="secondary"
          fullWidth
          loading={busy === locale.code}
          disabled={busy !== null}
          onClick={() => start(locale.code)}
        >
          Machine-translate into {locale.name}
        </Button>
      ))}
    </Flex>
  );
}

export const TranslationPanel: PanelComponent = ({ model, document, documentId, meta }: PanelComponentProps) => {
  if (model !== ARTICLE || !document || !documentId) return null;
  const article = document as Article;
  const from = article.locale ?? 'en';
  const existing = [from, ...(meta?.availableLocales ?? []).map((l) => l.locale)];
  return {
    title: 'Translation',
    content: (
      <Flex direction="column" alignItems="stretch" gap={4} width="100%">
        <Provenance article={article} />
        <MachineDrafts documentId={documentId} from={from} existing={existing} />
      </Flex>
    ),
  };
};

'use client';

// Client component because @strapi/blocks-react-renderer is one: its block overrides must be defined here.
import Image from 'next/image';
import { BlocksRenderer, type BlocksContent } from '@strapi/blocks-react-renderer';
import { isSafeHref } from '@/lib/safe-url';

/** Strapi rich text. Links with unsafe schemes (javascript:, data:, ...) are rendered as plain text. */
export function RichText({ blocks }: { blocks: BlocksContent }) {
  return (
    <BlocksRenderer
      content={blocks}
      blocks={{
        link: ({ children, url }) => (isSafeHref(url) ? <a href={url}>{children}</a> : <span>{children}</span>),
        image: ({ image }) =>
          image.url.startsWith('/uploads/') ? (
            <Image
              src={image.url}
              alt={image.alternativeText ?? ''}
              width={image.width}
              height={image.height}
              sizes="(max-width: 44rem) 100vw, 44rem"
            />
          ) : null,
      }}
    />
  );
}

import Image from 'next/image';
import type { Figure as FigureData } from '@/lib/cms';

/** An image with its caption and credit; width and height are reserved, so nothing shifts as it loads. */
export function Figure({
  figure,
  priority = false,
  sizes = '(max-width: 44rem) 100vw, 44rem',
}: {
  figure: FigureData;
  priority?: boolean;
  sizes?: string;
}) {
  return (
    <figure className="figure">
      <Image src={figure.src} alt={figure.alt} width={figure.width} height={figure.height} sizes={sizes} priority={priority} />
      {(figure.caption || figure.credit) && (
        <figcaption>
          {figure.caption}
          {figure.credit && <span className="figure__credit"> {figure.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

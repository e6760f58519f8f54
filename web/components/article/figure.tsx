import Image from 'next/image';
import type { Figure as FigureData, WithheldFigure } from '@/lib/cms';

/**
 * An image with its caption and credit; width and height are reserved, so nothing shifts as it loads. A
 * picture no longer published (its licence ended) leaves a neutral placeholder that says so (`withheld`,
 * in the page's language) above its caption and credit.
 */
export function Figure({
  figure,
  withheld = '',
  priority = false,
  sizes = '(max-width: 44rem) 100vw, 44rem',
}: {
  figure: FigureData | WithheldFigure;
  withheld?: string;
  priority?: boolean;
  sizes?: string;
}) {
  return (
    <figure className="figure">
      {'withheld' in figure ? (
        <div className="figure__withheld">{withheld}</div>
      ) : (
        <Image src={figure.src} alt={figure.alt} width={figure.width} height={figure.height} sizes={sizes} priority={priority} />
      )}
      {(figure.caption || figure.credit) && (
        <figcaption>
          {figure.caption}
          {figure.credit && <span className="figure__credit"> {figure.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

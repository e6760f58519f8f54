import sharp from 'sharp';

/**
 * Original artwork generated on the spot: an abstract "estuary" of layered waves in one hue, so every
 * seeded figure has a real image without downloading anything.
 */
export async function estuaryArtwork({ hue, width, height }: { hue: number; width: number; height: number }) {
  const bands = Array.from({ length: 6 }, (_, i) => {
    const y = height * (0.35 + i * 0.12);
    const amp = height * (0.04 + (i % 3) * 0.015);
    const wave = `M0 ${y} C ${width * 0.25} ${y - amp} ${width * 0.5} ${y + amp} ${width * 0.75} ${y - amp / 2} S ${width} ${y + amp / 3} ${width} ${y} V ${height} H 0 Z`;
    return `<path d="${wave}" fill="hsl(${(hue + i * 8) % 360} 45% ${62 - i * 8}%)" fill-opacity="0.85"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="hsl(${hue} 35% 88%)"/><stop offset="1" stop-color="hsl(${(hue + 30) % 360} 40% 70%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>
    <circle cx="${width * 0.72}" cy="${height * 0.28}" r="${height * 0.11}" fill="hsl(${(hue + 180) % 360} 70% 85%)"/>
    ${bands}
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

/** A portrait placeholder: initials-free, a head-and-shoulders silhouette on a coloured ground. */
export async function avatarArtwork({ hue, size }: { hue: number; size: number }) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="hsl(${hue} 45% 72%)"/>
    <circle cx="${size / 2}" cy="${size * 0.4}" r="${size * 0.18}" fill="hsl(${hue} 30% 35%)"/>
    <ellipse cx="${size / 2}" cy="${size * 0.95}" rx="${size * 0.34}" ry="${size * 0.3}" fill="hsl(${hue} 30% 35%)"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

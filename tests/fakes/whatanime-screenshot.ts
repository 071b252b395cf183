// Screenshots for identification tests and the bench: an anime-like frame (sky gradient, cel-shaded shapes with
// dark outlines, a subtitle line, light film grain), optionally inside black bars, rendered with sharp.
import sharp from 'sharp';

export interface FrameOptions {
  /** The whole screenshot. */
  width: number;
  height: number;
  /** Black bars (px) around the picture; the picture fills the rest. */
  bars?: { top?: number; bottom?: number; left?: number; right?: number };
  /** Varies the scene. */
  seed?: number;
  /** Film grain strength (0 = none). Default 10. */
  grain?: number;
}

/** A small deterministic generator, so every run draws the same scene. */
function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function sceneSvg(width: number, height: number, seed: number): string {
  const next = random(seed);
  const hue = Math.floor(next() * 360);
  const shapes: string[] = [];
  // Hills.
  for (let i = 0; i < 3; i++) {
    const y = height * (0.55 + i * 0.12);
    const points = Array.from({ length: 9 }, (_, k) => {
      const x = (width * k) / 8;
      return `${x.toFixed(0)},${(y - next() * height * 0.12).toFixed(0)}`;
    });
    // The outline runs only along the ridge: the polygon closes outside the frame, so no dark line hugs an edge.
    shapes.push(
      `<polygon points="-20,${height + 20} -20,${y.toFixed(0)} ${points.join(' ')} ${width + 20},${y.toFixed(0)} ${width + 20},${height + 20}" fill="hsl(${(hue + 90 + i * 25) % 360},45%,${38 + i * 8}%)" stroke="#1a1420" stroke-width="${Math.max(2, width / 640)}"/>`,
    );
  }
  // Characters: heads, hair, eyes.
  for (let i = 0; i < 4; i++) {
    const cx = width * (0.15 + next() * 0.7);
    const cy = height * (0.35 + next() * 0.3);
    const r = height * (0.06 + next() * 0.08);
    const hair = `hsl(${Math.floor(next() * 360)},60%,45%)`;
    const line = Math.max(2, width / 500);
    shapes.push(
      `<ellipse cx="${cx}" cy="${cy + r * 1.9}" rx="${r * 1.1}" ry="${r * 1.2}" fill="hsl(${(hue + 200) % 360},35%,55%)" stroke="#1a1420" stroke-width="${line}"/>`,
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#f6dcc8" stroke="#1a1420" stroke-width="${line}"/>`,
      `<path d="M ${cx - r * 1.1} ${cy} Q ${cx} ${cy - r * 1.9} ${cx + r * 1.1} ${cy} Q ${cx} ${cy - r * 0.9} ${cx - r * 1.1} ${cy} Z" fill="${hair}" stroke="#1a1420" stroke-width="${line}"/>`,
      `<ellipse cx="${cx - r * 0.35}" cy="${cy + r * 0.15}" rx="${r * 0.13}" ry="${r * 0.22}" fill="#3a6ea5"/>`,
      `<ellipse cx="${cx + r * 0.35}" cy="${cy + r * 0.15}" rx="${r * 0.13}" ry="${r * 0.22}" fill="#3a6ea5"/>`,
    );
  }
  const font = Math.round(height * 0.05);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="hsl(${hue},70%,72%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},60%,88%)"/>
</linearGradient></defs>
<rect width="100%" height="100%" fill="url(#sky)"/>
${shapes.join('\n')}
<text x="50%" y="${height - font}" font-family="sans-serif" font-size="${font}" text-anchor="middle" fill="#ffffff" stroke="#000000" stroke-width="${Math.max(1, font / 14)}">Nekodesk test frame ${seed}</text>
</svg>`;
}

/** The raw RGB pixels of the picture, with film grain so its PNG weighs what real screenshots do. */
async function picture(width: number, height: number, seed: number, grain: number): Promise<Buffer> {
  const base = await sharp(Buffer.from(sceneSvg(width, height, seed)))
    .removeAlpha()
    .raw()
    .toBuffer();
  if (grain <= 0) return base;
  const next = random(seed + 7);
  for (let i = 0; i < base.length; i++) {
    const noise = Math.round((next() + next() - 1) * grain);
    base[i] = Math.max(0, Math.min(255, (base[i] ?? 0) + noise));
  }
  return base;
}

/** A PNG screenshot: the scene, inside black bars when asked. */
export async function animeFrame(options: FrameOptions): Promise<Buffer> {
  const { width, height } = options;
  const bars = { top: 0, bottom: 0, left: 0, right: 0, ...options.bars };
  const inner = { width: width - bars.left - bars.right, height: height - bars.top - bars.bottom };
  const pixels = await picture(inner.width, inner.height, options.seed ?? 1, options.grain ?? 10);
  return sharp(pixels, { raw: { ...inner, channels: 3 } })
    .extend({ ...bars, background: { r: 0, g: 0, b: 0 } })
    .png()
    .toBuffer();
}

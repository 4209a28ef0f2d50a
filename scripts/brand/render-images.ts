// Renders the images in public/ from public/icon.svg and social-card.html with the Chromium the
// browser tests use: the PNG icons, favicon.ico (PNG images in an ICO container) and the social
// preview. Run after changing the logo or the card: `npx tsx scripts/brand/render-images.ts`.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "../..");
const publicDir = path.join(root, "public");
const ICONS = [
  { file: "icon-192.png", size: 192 },
  { file: "icon-512.png", size: 512 },
  { file: "apple-touch-icon.png", size: 180, padded: true },
];
const ICO_SIZES = [16, 32, 48];

// An ICO file whose images are PNGs (Windows Vista and every current browser read these).
function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function main() {
  const svg = await readFile(path.join(publicDir, "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const renderIcon = async (size: number, padded = false) => {
      await page.setViewportSize({ width: size, height: size });
      // The Apple touch icon gets an opaque square: iOS fills transparency with black.
      const background = padded ? "#1d4ed8" : "transparent";
      await page.setContent(
        `<html><body style="margin:0;background:${background}"><div style="width:${size}px;height:${size}px">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</div></body></html>`,
      );
      return page.screenshot({ omitBackground: !padded, clip: { x: 0, y: 0, width: size, height: size } });
    };
    for (const icon of ICONS) await writeFile(path.join(publicDir, icon.file), await renderIcon(icon.size, icon.padded));
    const icoImages = [];
    for (const size of ICO_SIZES) icoImages.push({ size, png: await renderIcon(size) });
    await writeFile(path.join(publicDir, "favicon.ico"), icoFromPngs(icoImages));

    const card = await readFile(path.join(import.meta.dirname, "social-card.html"), "utf8");
    await page.setViewportSize({ width: 1200, height: 630 });
    await page.setContent(card.replace("{{ICON}}", svg));
    await writeFile(path.join(publicDir, "social-preview.png"), await page.screenshot());
  } finally {
    await browser.close();
  }
  console.log(`wrote ${ICONS.map((i) => i.file).join(", ")}, favicon.ico, social-preview.png to public/`);
}

await main();

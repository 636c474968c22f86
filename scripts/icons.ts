// Renders app/icon.svg into the PNG and ICO files browsers and home screens ask for (run after changing the icon).
// Uses the same Debian Chromium as the e2e tests; the outputs are committed, so builds need no browser.
import fs from "node:fs";
import { chromium } from "@playwright/test";

const svg = fs.readFileSync("app/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();

async function png(size: number, padding = 0): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  // Maskable icons keep their artwork in the inner 80% safe zone, on the brand colour.
  await page.setContent(
    `<body style="margin:0;background:${padding ? "#0b5cad" : "transparent"}"><div style="padding:${padding}px;width:${size}px;height:${size}px;box-sizing:border-box">${svg.replace("<svg ", '<svg width="100%" height="100%" ')}</div></body>`,
  );
  return page.screenshot({ omitBackground: padding === 0, type: "png" });
}

fs.writeFileSync("app/apple-icon.png", await png(180));
fs.writeFileSync("public/icon-192.png", await png(192));
fs.writeFileSync("public/icon-512.png", await png(512));
fs.writeFileSync("public/icon-maskable-512.png", await png(512, 52));

// An ICO may hold a PNG as is: a 6-byte header, one 16-byte directory entry, then the PNG.
const small = await png(32);
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(small.length, 14);
header.writeUInt32LE(22, 18);
fs.writeFileSync("app/favicon.ico", Buffer.concat([header, small]));
await browser.close();
console.log("icons written");

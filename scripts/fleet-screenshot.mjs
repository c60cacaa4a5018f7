// `node scripts/fleet-screenshot.mjs`: docs/fleet.png, the fleet view with drift, on the demo
// fleet (--demo-fleet's four emulated printers) in headless Chromium: the users and groups
// across the fleet. Chromium's PNG is re-encoded with a palette of the image's most common
// colours (a screenshot of text has few), which makes it a fraction of the size.
/* global document -- in page.evaluate */
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {deflateSync, inflateSync} from "node:zlib";
import {startServer} from "../server/app.mjs";
import {demoFleet} from "../server/fleet-file.mjs";
import {launch} from "../test/browser.mjs";

const OUT = fileURLToPath(new URL("../docs/fleet.png", import.meta.url));
const COLOURS = 48;

/** A PNG's chunks: [{type, data}]. */
function chunks(png) {
    const found = [];
    for (let at = 8; at < png.length;) {
        const length = png.readUInt32BE(at);
        found.push({
            type: png.toString("latin1", at + 4, at + 8),
            data: png.subarray(at + 8, at + 8 + length)
        });
        at += 12 + length;
    }
    return found;
}

/** The pixels of an 8-bit RGB or RGBA PNG (Chromium's), as [r, g, b] numbers 0xRRGGBB. */
function pixels(png) {
    const all = chunks(png);
    const header = all.find((c) => c.type === "IHDR").data;
    const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
    const channels = {2: 3, 6: 4}[header[9]];
    if (header[8] !== 8 || !channels || header[12])
        throw new Error("not an 8-bit RGB(A) PNG");
    const raw = inflateSync(
        Buffer.concat(all.filter((c) => c.type === "IDAT").map((c) => c.data))
    );
    const stride = width * channels;
    const rows = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const a = x >= channels ? rows[y * stride + x - channels] : 0;
            const b = y ? rows[(y - 1) * stride + x] : 0;
            const c = x >= channels && y ? rows[(y - 1) * stride + x - channels] : 0;
            const p = a + b - c;
            const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
            const guess = [
                0,
                a,
                b,
                (a + b) >> 1,
                pa <= pb && pa <= pc ? a : pb <= pc ? b : c
            ][filter];
            rows[y * stride + x] = (line[x] + guess) & 0xff;
        }
    }
    const colours = new Uint32Array(width * height);
    for (let i = 0; i < colours.length; i++) {
        const at = i * channels;
        colours[i] = (rows[at] << 16) | (rows[at + 1] << 8) | rows[at + 2];
    }
    return {width, height, colours};
}

/** An indexed PNG of the pixels: the COLOURS most common colours, each pixel the nearest. */
function indexed({width, height, colours}) {
    const counts = new Map();
    for (const colour of colours) counts.set(colour, (counts.get(colour) || 0) + 1);
    const palette = [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, COLOURS)
        .map(([c]) => c);
    const rgb = (c) => [c >> 16, (c >> 8) & 0xff, c & 0xff];
    const nearest = new Map();
    const indexOf = (colour) => {
        if (!nearest.has(colour)) {
            const [r, g, b] = rgb(colour);
            let best = 0;
            let distance = Infinity;
            palette.forEach((p, i) => {
                const [pr, pg, pb] = rgb(p);
                const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2;
                if (d < distance) [best, distance] = [i, d];
            });
            nearest.set(colour, best);
        }
        return nearest.get(colour);
    };
    const data = Buffer.alloc((width + 1) * height); // filter 0 on every row
    for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++)
            data[y * (width + 1) + 1 + x] = indexOf(colours[y * width + x]);
    const chunk = (type, body) => {
        const head = Buffer.alloc(8);
        head.writeUInt32BE(body.length);
        head.write(type, 4, "latin1");
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])));
        return Buffer.concat([head, body, crc]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bits per index
    header[9] = 3; // indexed colour
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk("IHDR", header),
        chunk("PLTE", Buffer.from(palette.flatMap(rgb))),
        chunk("IDAT", deflateSync(data, {level: 9})),
        chunk("IEND", Buffer.alloc(0))
    ]);
}

function crc32(bytes) {
    let crc = ~0;
    for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
    }
    return ~crc >>> 0;
}

const fleet = await startServer({port: 0, fleet: demoFleet(4)});
const browser = await launch();
try {
    const page = await browser.newPage({viewport: {width: 960, height: 800}});
    await page.goto(fleet.signIn);
    await page.waitForFunction(() =>
        document.getElementById("message").textContent.startsWith("Read ")
    );
    await page.addStyleTag({content: ".bar {position: static}"}); // not over the section
    const shot = await page.locator("#drift").screenshot();
    const png = indexed(pixels(shot));
    writeFileSync(OUT, png);
    console.log(`Wrote ${OUT}: ${png.length} bytes (Chromium's: ${shot.length})`);
} finally {
    await browser.close();
    await fleet.close();
}

// A headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: the
// browser reads commands on fd 3 and writes replies on fd 4, NUL-separated JSON), with Node's
// built-ins only. Used by the HTML report's tests and by `node scripts/chromium.mjs` to look at a
// report: it opens a file, collects console messages, errors and network requests, takes
// screenshots and prints to PDF.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser binary: $CHROMIUM, else the first of the usual names on PATH. */
export function findChromium(env = process.env) {
  if (env.CHROMIUM) return existsSync(env.CHROMIUM) ? env.CHROMIUM : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of NAMES) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Chromium where it is missing: installed with apt-get when running as root on Debian or Ubuntu
 * (what CI does on a fresh machine). Returns the binary, or why there is none.
 */
export function ensureChromium(env = process.env) {
  if (env.CHROMIUM && !existsSync(env.CHROMIUM)) return { reason: `CHROMIUM=${env.CHROMIUM} does not exist` };
  const found = findChromium(env);
  if (found) return { path: found };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { reason: 'chromium is not installed and the tests do not run as root, so it cannot be installed with apt-get (install Debian\'s `chromium` package, or set CHROMIUM to a Chromium binary)' };
  if (!findOnPath('apt-get', env)) return { reason: 'chromium is not installed and apt-get is not available to install it (set CHROMIUM to a Chromium binary)' };
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { env: aptEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], { env: aptEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }) : update;
  const now = findChromium(env);
  return now ? { path: now, installed: true } : { reason: `chromium could not be installed with apt-get (exit ${install.status}): ${String(install.stderr).trim().split('\n').slice(-2).join(' ')}` };
}

function findOnPath(name, env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

/** Starts the browser. `close()` ends it and removes its profile directory. */
export async function launch(binary) {
  const profile = mkdtempSync(join(tmpdir(), 'breach-chromium-'));
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-dev-shm-usage', '--hide-scrollbars',
    '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--mute-audio',
    `--user-data-dir=${profile}`, '--remote-debugging-pipe',
    // Chromium refuses to start as root with its sandbox on; CI runs as root.
    ...(typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : []),
    'about:blank',
  ];
  const proc = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (s) => { stderr = (stderr + s).slice(-4000); });
  const toBrowser = proc.stdio[3];
  const fromBrowser = proc.stdio[4];
  fromBrowser.setEncoding('utf8');
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  let buffer = '';
  fromBrowser.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined && pending.has(msg.id)) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else for (const l of listeners) l(msg);
    }
  });
  const exited = new Promise((res) => proc.once('exit', (code, signal) => {
    for (const p of pending.values()) p.reject(new Error(`chromium exited (${code ?? signal}) during ${p.method}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    pending.clear();
    res();
  }));
  proc.once('error', (e) => { for (const p of pending.values()) p.reject(e); pending.clear(); });

  function send(method, params = {}, sessionId) {
    const id = nextId++;
    return new Promise((res, rej) => {
      pending.set(id, { resolve: res, reject: rej, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) })}\0`);
    });
  }

  /** Opens a file (or URL) in a new page and waits for its load event. */
  async function open(target, { width = 1000, height = 1400 } = {}) {
    const url = /^[a-z]+:/.test(target) ? target : pathToFileURL(resolve(target)).href;
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const s = (method, params) => send(method, params, sessionId);
    const messages = [];
    const requests = [];
    let loaded;
    const load = new Promise((res) => { loaded = res; });
    const onEvent = (msg) => {
      if (msg.sessionId !== sessionId) return;
      const p = msg.params ?? {};
      switch (msg.method) {
        case 'Runtime.consoleAPICalled': messages.push({ source: 'console', level: p.type, text: (p.args ?? []).map((a) => a.value ?? a.description ?? '').join(' ') }); break;
        case 'Runtime.exceptionThrown': messages.push({ source: 'exception', level: 'error', text: p.exceptionDetails?.exception?.description ?? p.exceptionDetails?.text ?? '' }); break;
        case 'Log.entryAdded': messages.push({ source: p.entry.source, level: p.entry.level, text: p.entry.text }); break;
        case 'Network.requestWillBeSent': requests.push(p.request.url); break;
        case 'Page.loadEventFired': loaded(); break;
      }
    };
    listeners.add(onEvent);
    await s('Runtime.enable');
    await s('Log.enable');
    await s('Network.enable');
    await s('Page.enable');
    await s('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    await s('Page.navigate', { url });
    await load;
    return {
      messages,
      requests,
      /** A value computed in the page (DevTools evaluation; the page itself runs no script). */
      async evaluate(expression) {
        const r = await s('Runtime.evaluate', { expression, returnByValue: true });
        if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text}`);
        return r.result.value;
      },
      /** Lays the page out for 'print' or 'screen' (a print preview without page breaks). */
      async media(media) {
        await s('Emulation.setEmulatedMedia', { media });
      },
      /** PNG of the page from `y` down `height` CSS pixels (the whole page when height is omitted). */
      async screenshot({ y = 0, height: h } = {}) {
        const m = await s('Page.getLayoutMetrics');
        const full = Math.ceil(m.cssContentSize.height);
        const clip = { x: 0, y, width, height: Math.min(h ?? full, full - y), scale: 1 };
        const r = await s('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip });
        return Buffer.from(r.data, 'base64');
      },
      /** Prints to PDF on the given paper (inches; A4 by default) with background colours. */
      async pdf({ paperWidth = 8.27, paperHeight = 11.69 } = {}) {
        const r = await s('Page.printToPDF', { paperWidth, paperHeight, printBackground: true, displayHeaderFooter: false, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0, preferCSSPageSize: false });
        return Buffer.from(r.data, 'base64');
      },
      async close() {
        listeners.delete(onEvent);
        await send('Target.closeTarget', { targetId });
      },
    };
  }

  return {
    open,
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) {
        send('Browser.close').catch(() => {});
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Pages in a PDF written by Chromium (its page objects are not compressed). */
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * What a screenshot shows, from its pixels: the share that is not white-ish and how many times each
 * colour occurs (8-bit RGB or RGBA PNG, as Chromium writes them). Enough to tell a rendered page
 * from a blank one and to find the level colours of a chart.
 */
export function pngStats(png) {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, type = 0;
  const idat = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const kind = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4); type = data[9];
      if (data[8] !== 8 || (type !== 2 && type !== 6) || data[12] !== 0) throw new Error('only 8-bit RGB/RGBA non-interlaced PNGs');
    } else if (kind === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const cur = Buffer.alloc(stride), prev = Buffer.alloc(stride);
  const colours = new Map();
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = row[i];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      cur[i] = v & 255;
    }
    for (let x = 0; x < stride; x += bpp) {
      const hex = ((cur[x] << 16) | (cur[x + 1] << 8) | cur[x + 2]).toString(16).padStart(6, '0');
      colours.set(hex, (colours.get(hex) ?? 0) + 1);
      if (cur[x] < 235 || cur[x + 1] < 235 || cur[x + 2] < 235) ink++;
    }
    cur.copy(prev);
  }
  return { width, height, inkShare: ink / (width * height), colours };
}

// `node scripts/chromium.mjs report.html out-prefix [width]`: screenshots of the whole page in
// slices of 1,400 pixels (out-prefix-1.png, ...) and out-prefix.pdf, to look at a report.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, prefix, w] = process.argv.slice(2);
  if (!file || !prefix) {
    process.stderr.write('usage: node scripts/chromium.mjs report.html out-prefix [width]\n');
    process.exit(2);
  }
  const bin = findChromium();
  if (!bin) {
    process.stderr.write('chromium not found (set CHROMIUM)\n');
    process.exit(2);
  }
  const browser = await launch(bin);
  try {
    const width = Number(w ?? 1000);
    const page = await browser.open(file, { width });
    const height = await page.evaluate('document.documentElement.scrollHeight');
    for (let y = 0, k = 1; y < height; y += 1400, k++) writeFileSync(`${prefix}-${k}.png`, await page.screenshot({ y, height: 1400 }));
    const pdf = await page.pdf();
    writeFileSync(`${prefix}.pdf`, pdf);
    for (const m of page.messages) process.stderr.write(`${m.level} ${m.source}: ${m.text}\n`);
    process.stdout.write(`${Math.ceil(height / 1400)} screenshots, PDF of ${pdfPageCount(pdf)} pages, ${page.messages.length} console messages, ${page.requests.length} requests\n`);
  } finally {
    await browser.close();
  }
}

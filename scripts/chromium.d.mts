export interface PageMessage { source: string; level: string; text: string }
export interface Page {
  messages: PageMessage[];
  requests: string[];
  evaluate<T = unknown>(expression: string): Promise<T>;
  screenshot(opts?: { y?: number; height?: number }): Promise<Buffer>;
  pdf(opts?: { paperWidth?: number; paperHeight?: number }): Promise<Buffer>;
  media(media: 'print' | 'screen'): Promise<void>;
  close(): Promise<void>;
}
export interface Browser {
  open(target: string, opts?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export function ensureChromium(env?: NodeJS.ProcessEnv): { path?: string; installed?: boolean; reason?: string };
export function launch(binary: string): Promise<Browser>;
export function pdfPageCount(pdf: Buffer): number;
export function pngStats(png: Buffer): { width: number; height: number; inkShare: number; colours: Map<string, number> };

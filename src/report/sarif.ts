// --format sarif: SARIF 2.1.0 for code-scanning tools. One result per incident at or above
// --fail-on (every incident without it), located at the incident's file and line; the rule is
// the severity level, with help text. Streamed: results are written as incidents are assessed.
import type { Assessment } from '../core/assessment.js';
import { LEVELS, levelRank, type Level } from '../core/vocab.js';
import { WEIGHTS } from '../severity/weights.js';
import { fmtNumber, levelText, type ReportContext, userText } from './view.js';

/** SARIF has three levels; critical and high breaches fail a scan, medium warns, low informs. */
export const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub code scanning ranks alerts by `security-severity` (0-10, CVSS-like bands). */
const SECURITY_SEVERITY: Record<Level, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

function scoreRange(level: Level): string {
  const bands = [...WEIGHTS.levels].sort((x, y) => x.from - y.from);
  const i = bands.findIndex((b) => b.level === level);
  const next = bands[i + 1];
  return next ? `${bands[i]!.from} ≤ SE_MX < ${next.from}` : `SE_MX ≥ ${bands[i]!.from}`;
}

/** The file part of a source label (`p.csv#INC-1` → `p.csv`), as a relative URI reference. */
export function artifactUri(source: string): string {
  const file = source.replace(/#[^#/\\]*$/, '');
  return encodeURI(file === '<stdin>' ? 'stdin' : file.replace(/\\/g, '/'));
}

export function* render(assessments: Iterable<Assessment>, ctx: ReportContext): Generator<string> {
  const { t, lang } = ctx;
  const rules = LEVELS.map((l) => ({
    id: l,
    name: `breach-severity-${l}`,
    shortDescription: { text: t(`sarif.rule.${l}`) },
    fullDescription: { text: t('sarif.help', { level: levelText(l, t), range: scoreRange(l) }) },
    help: { text: t('sarif.help', { level: levelText(l, t), range: scoreRange(l) }) },
    defaultConfiguration: { level: SARIF_LEVEL[l] },
    properties: { 'security-severity': SECURITY_SEVERITY[l], tags: ['security', 'privacy', 'data-breach'] },
  }));
  const head = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'breach', version: ctx.version, semanticVersion: ctx.version, rules } }, columnKind: 'unicodeCodePoints', results: [] as unknown[] }],
  };
  const text = JSON.stringify(head);
  yield text.slice(0, -4); // up to `"results":[`, left open
  const min = ctx.failOn ? levelRank(ctx.failOn) : 0;
  let first = true;
  for (const a of assessments) {
    const level = a.severity.level;
    if (levelRank(level) < min) continue;
    const result = {
      ruleId: level,
      ruleIndex: levelRank(level),
      level: SARIF_LEVEL[level],
      message: {
        text: t('sarif.message', {
          title: userText(a.incident.title, t('ui.untitled')), level: levelText(level, t), score: String(a.severity.score),
          people: fmtNumber(a.subjects, lang), obligations: a.obligations.map((o) => t(`obligation.short.${o.code}`)).join(', ') || t('ui.none'), vector: a.severity.vector,
        }),
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(a.source) }, region: { startLine: Math.max(1, ctx.lineOf?.(a) ?? 1) } } }],
      partialFingerprints: { 'breachIncident/v1': userText(a.source) },
      properties: { source: userText(a.source), score: a.severity.score, vector: a.severity.vector, subjects: a.subjects, obligations: a.obligations.map((o) => o.code) },
    };
    yield `${first ? '' : ','}${JSON.stringify(result)}`;
    first = false;
  }
  yield ']}]}\n';
}

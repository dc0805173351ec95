// Commune search of the geo service: the in-memory CommuneIndex against a plain array scan (bench/
// commune-scan.baseline.ts), on the queries the "communes" champ's autocomplete sees. Not a jest test: numbers
// depend on the machine, so they are recorded in docs/benchmarks.md with the machine, not asserted.
import { CommuneIndex } from '../services/geo/src/communes/commune-index';
import { Commune } from '../services/geo/src/communes/commune.entity';
import { matchQuality, normalizedName } from '../services/geo/src/communes/name-match';
import { normalizeName } from '../services/geo/src/communes/normalize';
import { loadCommunes, referenceSource } from '../services/geo/src/communes/reference-data';
import { scanSearch } from './commune-scan.baseline';
import { heapUsedAfterGc, LatencyStats, machineInfo, measureInterleaved, mib, ms } from './measure';
import { writeSection } from './report';

const LIMIT = 10;
// Typed one keystroke at a time ("sai"), whole names, accents and abbreviations, postal codes (Lyon 1er, Paris
// 11e, Fort-de-France), an INSEE code of Corse, and a query that matches nothing.
const QUERIES = [
  'sa',
  'sai',
  'saint',
  'saint etienne',
  'st etienne',
  'lyon',
  'Montpellier',
  'évry',
  'l abergement',
  'sur mer',
  'pointe a pitre',
  '69001',
  '75011',
  '97200',
  '2A004',
  'zzzz',
];

async function main(): Promise<void> {
  const heapStart = await heapUsedAfterGc();
  const communes = loadCommunes();
  const heapArray = await heapUsedAfterGc();
  const buildStart = process.hrtime.bigint();
  const index = new CommuneIndex(communes);
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const heapIndex = await heapUsedAfterGc();

  const actuelles = communes.filter((c) => c.type === 'commune-actuelle');
  const preNormalized = actuelles.map((commune) => ({ commune, name: normalizedName(commune.nom) }));
  checkSameAnswers(index, communes);

  const variants = measureInterleaved(QUERIES, [
    {
      name: 'CommuneIndex (word-start buckets, pre-sorted)',
      run: (q) => index.search(q, LIMIT),
      repeatsPerRound: 40,
    },
    {
      name: 'pre-normalised full scan (previous CommuneIndex)',
      run: (q) => preNormalizedScan(preNormalized, q, LIMIT),
      repeatsPerRound: 4,
    },
    {
      name: 'baseline: array scan, normalise on the fly, filter + sort',
      run: (q) => scanSearch(communes, q, LIMIT),
      repeatsPerRound: 1,
    },
  ]);
  const [indexed, , baseline] = variants;
  for (const { name, stats } of variants) console.log(name, JSON.stringify(stats));

  await writeSection(
    'geo-communes',
    report({
      variants,
      ratio: baseline.stats.p50Ms / indexed.stats.p50Ms,
      throughputRatio: indexed.stats.throughput / baseline.stats.throughput,
      heap: { array: heapArray - heapStart, index: heapIndex - heapStart, overhead: heapIndex - heapArray },
      buildMs,
      communes: communes.length,
      actuelles: actuelles.length,
    }),
  );
  console.log('docs/benchmarks.md updated');
}

/** The index must answer what the baseline answers, or the comparison means nothing. */
function checkSameAnswers(index: CommuneIndex, communes: readonly Commune[]): void {
  for (const q of QUERIES) {
    const expected = scanSearch(communes, q, LIMIT).map((c) => c.codeInsee);
    const actual = index.search(q, LIMIT).map((c) => c.codeInsee);
    if (expected.join() !== actual.join()) {
      throw new Error(`"${q}": index ${actual.join()} differs from baseline ${expected.join()}`);
    }
  }
}

function preNormalizedScan(
  entries: { commune: Commune; name: ReturnType<typeof normalizedName> }[],
  query: string,
  limit: number,
) {
  const q = normalizeName(query);
  const matches: { commune: Commune; quality: number }[] = [];
  for (const entry of entries) {
    const quality = matchQuality(entry.name, q);
    if (quality !== undefined) matches.push({ commune: entry.commune, quality });
  }
  matches.sort((a, b) => b.quality - a.quality || (b.commune.population ?? 0) - (a.commune.population ?? 0));
  return matches.slice(0, limit);
}

interface ReportData {
  variants: { name: string; stats: LatencyStats }[];
  ratio: number;
  throughputRatio: number;
  heap: { array: number; index: number; overhead: number };
  buildMs: number;
  communes: number;
  actuelles: number;
}

function report(data: ReportData): string {
  const machine = machineInfo();
  const source = referenceSource();
  const rows = data.variants.map(
    ({ name, stats }) =>
      `| ${name} | ${ms(stats.p50Ms)} | ${ms(stats.p95Ms)} | ${ms(stats.p99Ms)} | ${ms(stats.meanMs)} | ${Math.round(stats.throughput).toLocaleString('en')} | ${stats.queries.toLocaleString('en')} |`,
  );
  return `## Commune search (\`bench/geo-communes.bench.ts\`)

${Object.entries(machine)
  .map(([key, value]) => `- **${key}**: ${value}`)
  .join('\n')}
- **data**: ${source.name}@${source.version}, ${data.communes.toLocaleString('en')} communes indexed (${data.actuelles.toLocaleString('en')} actuelles, searched here; déléguées/associées excluded by default)
- **queries** (${QUERIES.length}, limit ${LIMIT}, one at a time, in-process, variants interleaved round by round): ${QUERIES.map((q) => `\`${q}\``).join(', ')}

| variant | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) | queries/s | queries measured |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

**Index vs baseline**: ${data.ratio.toFixed(0)}× lower median latency; ${data.throughputRatio.toFixed(0)}× the throughput (equivalently, the mean latency ratio, which weighs the expensive short prefixes such as \`sa\` that the median hides). Both return the same communes in the same order for every query (checked before measuring).

| heap after a full GC | used |
| --- | --- |
| baseline: the commune array alone (all the scan needs) | ${mib(data.heap.array)} |
| CommuneIndex: the array plus the index | ${mib(data.heap.index)} |
| index overhead | ${mib(data.heap.overhead)} (built in ${data.buildMs.toFixed(0)} ms) |

The index trades about ${mib(data.heap.overhead)} of heap for latency: names are normalised once, entries are
pre-sorted in answer order, and a map from the first two letters of every word start narrows the candidates.
`;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

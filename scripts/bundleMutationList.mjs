// The weakenings scripts/bundleMutations.mjs applies to the guards of a bundle import, one at a time.
// Each edit must match its file exactly once, so a mutation that no longer applies fails the run instead
// of rotting. The list may only grow: a guard that the tests stop catching is a finding, not a line to delete.

/** @typedef {import('./mutationEngine.mjs').Mutation} Mutation */

/** @type {Mutation[]} */
export const MUTATIONS = [
  // Entry names (src/core/bundle/entryNames.ts)
  {
    name: '".." names accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [
      [
        "  if (name.split('/').some((part) => part === '..' || part === '.'))\n    return { problem: `the entry \"${shown}\" points outside the bundle (\"..\")` };\n",
        '',
      ],
    ],
  },
  {
    name: 'absolute paths accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [['  if (name.startsWith(\'/\')) return { problem: `the entry "${shown}" has an absolute path` };\n', '']],
  },
  {
    name: 'drive letters accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [['  if (/^[A-Za-z]:/.test(name)) return { problem: `the entry "${shown}" names a drive` };\n', '']],
  },
  {
    name: 'control and text-direction characters accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [
      ['  if (UNSAFE_CHARS.test(name)) return { problem: `the entry name "${shown}" holds control or text-direction characters` };\n', ''],
    ],
  },
  {
    name: 'symbolic links accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [['  if (symlink || mode === 0o120000) return `the entry "${printableName(name)}" is a symbolic link`;\n', '']],
  },
  {
    name: 'devices and other special files accepted',
    file: 'src/core/bundle/entryNames.ts',
    edits: [['  if (mode !== 0 && mode !== S_IFREG) return `the entry "${printableName(name)}" is not a regular file`;\n', '']],
  },

  // The archive (src/core/bundle/zip.ts)
  {
    name: 'duplicate names accepted',
    file: 'src/core/bundle/zip.ts',
    edits: [['    if (seen.has(name)) throw new BundleError(`the entry "${printableName(name)}" appears twice`);\n', '']],
  },
  // One mutation for the two checks of overlapping entries: each alone is not caught, because the other
  // refuses the same archives with the same message (ours before anything is read, zip.js's while reading).
  {
    name: 'overlapping entries accepted (zip.js check and our span check)',
    file: 'src/core/bundle/zip.ts',
    edits: [
      [
        'new ZipReader(new SourceReader(source), { useWebWorkers: false, checkOverlappingEntry: true,',
        'new ZipReader(new SourceReader(source), { useWebWorkers: false, checkOverlappingEntry: false,',
      ],
      [
        'entry.getData!(writer, { useWebWorkers: false, checkOverlappingEntry: true,',
        'entry.getData!(writer, { useWebWorkers: false, checkOverlappingEntry: false,',
      ],
      [
        "    if (spans[i]![0] < spans[i - 1]![1]) throw new BundleError('two of its entries share the same bytes (an overlapping-entry archive)');\n",
        '',
      ],
    ],
  },
  {
    name: 'entry count not capped',
    file: 'src/core/bundle/zip.ts',
    edits: [
      [
        "      if (entries.length >= BUNDLE_LIMITS.entries)\n        throw new BundleError(`it holds more than ${BUNDLE_LIMITS.entries.toLocaleString('en')} files`);\n",
        '',
      ],
    ],
  },
  {
    name: 'compressed size not checked against the archive',
    file: 'src/core/bundle/zip.ts',
    edits: [
      [
        '    if (entry.compressedSize > archiveBytes)\n      throw new BundleError(`the entry "${printableName(name)}" claims more bytes than the archive has`);\n',
        '',
      ],
    ],
  },
  {
    name: 'compression ratio cap raised to Infinity',
    file: 'src/core/bundle/zip.ts',
    edits: [['entry.compressedSize * BUNDLE_LIMITS.ratio + 1024 * 1024;', 'Infinity;']],
  },
  {
    name: 'per-file size caps not applied',
    file: 'src/core/bundle/zip.ts',
    edits: [
      [
        '    if (this.count > this.cap) throw new BundleError(`the entry "${shown}" is larger than ${this.cap.toLocaleString(\'en\')} bytes`);\n',
        '',
      ],
    ],
  },
  {
    name: 'total bytes not counted',
    file: 'src/core/bundle/zip.ts',
    edits: [['    this.total.bytes += chunk.byteLength;\n', '']],
  },
  // zip.js compares the same sizes itself, so src/core/bundle/declaredSize.test.ts lets it report a size
  // other than the one it checks, as a library taking sizes from elsewhere would.
  {
    name: 'declared size not compared with the bytes counted',
    file: 'src/core/bundle/zip.ts',
    edits: [['    if (writer.count !== entry.uncompressedSize) {', '    if (false) {']],
  },
  {
    name: 'evidence hash not compared with its name',
    file: 'src/core/bundle/zip.ts',
    edits: [['      if (hash !== kind.sha256) {', '      if (false) {']],
  },

  // The manifest (src/core/bundle/manifest.ts, src/core/bundle/verify.ts)
  {
    name: 'checkManifest skipped',
    file: 'src/core/bundle/verify.ts',
    edits: [['  const manifestProblem = checkManifest(listed, contents.hashes);', '  const manifestProblem = null;']],
  },
  {
    name: 'any manifest line accepted',
    file: 'src/core/bundle/manifest.ts',
    edits: [
      [
        '    if (!match || !SHA256_HEX.test(match[1]!)) return { problem: `line ${i + 1} of the manifest is not "<sha256>  <path>"` };',
        '    if (!match) continue;',
      ],
    ],
  },
  {
    name: 'files listed in the manifest but missing accepted',
    file: 'src/core/bundle/manifest.ts',
    edits: [['    if (!actual.has(path)) return `the manifest lists ${printableName(path)}, which is not in the bundle`;\n', '']],
  },

  // What the files hold (src/core/bundle/verify.ts, src/core/bundle/contents.ts)
  {
    name: 'newer format not refused',
    file: 'src/core/bundle/verify.ts',
    edits: [
      ["  if (typeof format === 'number' && format > BUNDLE_FORMAT_VERSION) throw new BundleError(newerBundleMessage(format));\n", ''],
    ],
  },
  {
    name: 'format older than the oldest accepted',
    file: 'src/core/bundle/contents.ts',
    edits: [['  format: z.int().min(OLDEST_BUNDLE_FORMAT),', '  format: z.int(),']],
  },
  {
    name: 'records not schema-checked (raw value used)',
    file: 'src/core/bundle/verify.ts',
    edits: [
      ['  const records = bundleRecordsSchema.safeParse(rawRecords);', '  const records = { success: true, data: rawRecords } as never;'],
    ],
  },
  {
    name: 'log entries not schema-checked (raw value used)',
    file: 'src/core/bundle/verify.ts',
    edits: [['  const parsed = schema.safeParse(value);', '  const parsed = { success: true, data: value } as never;']],
  },
  {
    name: 'findShapeProblem skipped (depth, __proto__)',
    file: 'src/core/bundle/verify.ts',
    edits: [['  if (shape) throw new BundleError(`${file}: ${describeShapeProblem(shape)}`);\n', '']],
  },
  {
    name: 'referenceProblem skipped',
    file: 'src/core/bundle/verify.ts',
    edits: [['  if (referenced) throw new BundleError(referenced);\n', '']],
  },

  // The change log (src/core/bundle/verify.ts, src/core/audit/chain.ts)
  {
    name: "verifyChain's verdict ignored",
    file: 'src/core/bundle/verify.ts',
    edits: [
      [
        '  const chain = verifyChain(log, { allowWithheld: oneAssessment });',
        '  verifyChain(log, { allowWithheld: oneAssessment });\n  const chain = { ok: true, count: log.length, head: log.at(-1)?.hash } as never;',
      ],
    ],
  },
  {
    name: 'head and count not compared with the header',
    file: 'src/core/bundle/verify.ts',
    edits: [
      [
        '  else if (chain.count !== header.data.log.count || (chain.count > 0 && chain.head !== header.data.log.head)) {',
        '  else if (false) {',
      ],
    ],
  },
  {
    name: 'reconcile skipped',
    file: 'src/core/bundle/verify.ts',
    edits: [['    if (!verdict.ok) logProblem = `its records do not match its change log: ${verdict.problems[0]!.message}`;\n', '']],
  },
  {
    name: 'workbook bundle may withhold entries',
    file: 'src/core/bundle/verify.ts',
    edits: [
      [
        "  if (!oneAssessment && log.some(isWithheld))\n    throw new BundleError('its change log leaves entries out, which only a one-assessment bundle may');\n",
        '',
      ],
      ['verifyChain(log, { allowWithheld: oneAssessment })', 'verifyChain(log, { allowWithheld: true })'],
    ],
  },
  {
    name: 'verifyChain accepts withheld entries unasked',
    file: 'src/core/audit/chain.ts',
    edits: [["      if (!options.allowWithheld) return fail('its content is missing');\n", '']],
  },

  // Imports into the database (src/renderer/db/bundle/)
  {
    name: 'restoreWorkbook ignores logProblem',
    file: 'src/renderer/db/bundle/restore.ts',
    edits: [['  if (bundle.logProblem || bundle.log.some(isWithheld))', '  if (bundle.log.some(isWithheld))']],
  },
  {
    name: 'restoreWorkbook takes a log with withheld entries',
    file: 'src/renderer/db/bundle/restore.ts',
    edits: [['  if (bundle.logProblem || bundle.log.some(isWithheld))', '  if (bundle.logProblem)']],
  },
  {
    name: 'mergeBundle ignores logProblem',
    file: 'src/renderer/db/bundle/merge.ts',
    edits: [
      ["  if (bundle.logProblem) throw new WorkbookError('The bundle’s change log does not vouch for its records.', 'invalid');\n", ''],
    ],
  },
  // Review files and review copies (src/core/review/, src/renderer/db/writeGuard.ts)
  {
    name: 'a review file changed after saving is accepted',
    file: 'src/core/review/file.ts',
    edits: [
      [
        '  if (sha256Hex(canonicalJson(asRead)) !== claimed || sha256Hex(canonicalJson(body)) !== claimed) {',
        '  if (sha256Hex(canonicalJson(body)) === claimed && claimed !== sha256Hex(canonicalJson(asRead)) && false) {',
      ],
    ],
  },
  {
    name: 'a review of an assessment that is not here is accepted',
    file: 'src/core/review/binding.ts',
    edits: [['  if (!assessment) {', '  if (!assessment && false) {']],
  },
  {
    name: 'a review made on another history is accepted',
    file: 'src/core/review/binding.ts',
    edits: [
      [
        '  if (review.basedOn.count < 1 || !entryAtHead || entryAtHead.hash !== review.basedOn.head) {',
        '  if (review.basedOn.count < 1) {',
      ],
    ],
  },
  {
    name: 'a verdict on an answer changed since the review is not stale',
    file: 'src/core/review/binding.ts',
    edits: [["    if (entry.entity === 'response' && parts[0] === assessmentId) requirements.add(parts[1]!);\n    else ", '    ']],
  },
  {
    name: 'a review copy lets the owner’s tables be written',
    file: 'src/renderer/db/writeGuard.ts',
    edits: [
      ['      if (reviewOnly.has(req.trans) && !REVIEW_TABLES.has(table.name)) {', '      if (reviewOnly.has(req.trans) && false) {'],
    ],
  },
];

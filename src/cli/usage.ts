/** The help text. */

export const USAGE = `CSMS Workbook command line

Usage:
  csms demo [--out sample.csmsx | --out sample.json]
            [--evidence N [--links M] [--actions A] [--seed S]]
      Writes the sample workbook (IEC 62443-2-1:2024, dated today): as a workbook
      bundle when the name ends in .csmsx, otherwise as a snapshot file of its
      records. Without --out the snapshot JSON goes to standard output.
      --evidence N      a synthetic workbook for load tests instead: the sample's
                        organization and assessment, every requirement answered,
                        N evidence items (1 to 50,000: files, references, notes;
                        at most 5,000 files of a few hundred bytes each)
      --links M         links in all, spread over the requirements (N to 200,000;
                        default three per item)
      --actions A       actions (default one per 20 items)
      --seed S          the generator's seed (default 1): the same seed and day
                        give the same records

  csms bundle verify <workbook.csmsx>
      Checks a workbook bundle as an import does, writing nothing: every name, size
      and hash, the records against the one schema, the change log's chain and head,
      and the records against the log. Exit 0 with one summary line only when the
      bundle is intact and its log vouches for its records; otherwise exit 2 naming
      the first problem.

  csms log verify <changelog.jsonl | workbook.csmsx>
      Checks a change log on its own: the changelog.jsonl of an evidence package,
      or the log inside a workbook bundle. Exit 0 with one summary line (entries,
      first and last time, head hash) when every entry is intact and in place;
      exit 1 naming the first entry that was changed, removed or moved; exit 2
      when the file cannot be read as a log.

  csms report <workbook.csmsx> [--assessment ID] [options]
  csms report <snapshot.json> [--out <file.docx>] [--doc report|soa|plan|register|all]
              [--comments] [--licensed-text] [--marking TEXT] [--revision N]
      Builds Word documents. Every score is computed from the records. From a bundle,
      the documents say the change log is verified only when the bundle's log vouches
      for its records, and otherwise why not. A snapshot file carries records only
      (a file with "scores" or "changeLog" is refused) and no change log, so the
      documents say the change log was not verified.
      --assessment ID   which assessment of a bundle that holds several
      --doc             which document (default: report); "all" writes the four
      --out             the .docx to write; with --doc all, a folder (created if missing).
                        Default: the document's own file name in the current folder.
      --comments        include reviewers' comments
      --licensed-text   include the licensed official text held in the file
      --marking TEXT    the classification marking printed on every page
                        (default: the organization's classification); raised
                        to the highest marking of the evidence included
      --revision N      the revision printed on every document (default: 1); the app
                        counts its own exports, a file does not. The last line gives the
                        export ID and the records digest every document of the run carries.
      A document set holds at most 50,000 evidence items, 200,000 links, 20,000
      actions and 40 million characters of text; past that nothing is built and
      one line names the count and the bound (exit 2).

  csms sheet <workbook.csmsx | snapshot.json> [--assessment ID] [--format xlsx|csv]
             [--out <file.xlsx | folder | file.zip>] [--marking TEXT]
      Writes the results as a spreadsheet: sheets About, Answers, Findings, Actions
      and Evidence register, every derived value worked out from the records.
      --format xlsx     one Excel workbook (default), the marking in every sheet's
                        header and footer. Default name: <assessment>_results.xlsx
      --format csv      one CSV file per sheet (UTF-8 with BOM, first line
                        "Marking: …"), into the folder --out names, or one .zip
      --marking TEXT    the classification marking (default: the organization's)
      The format is described in docs/spreadsheet-format.md.

  csms package <workbook.csmsx> [--assessment ID] [--out <evidence.zip>]
               [--doc report|soa|plan|register|all] [--comments] [--licensed-text]
               [--marking TEXT] [--revision N]
      Writes the evidence package of one assessment: the documents (default: the
      report), every evidence file as evidence/EV-0001_<name>, manifest.json and
      manifest-sha256.txt (check it with sha256sum -c inside the unpacked folder).
      --out             the .zip to write, or a folder. Default: <assessment>_evidence-package.zip

  csms --help
      Shows this text.

Exit codes: 0 success, 2 bad input or usage (one line on stderr), 1 unexpected failure
(and, for log verify, a broken log).
`;

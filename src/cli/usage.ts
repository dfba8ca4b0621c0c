/** The help text. */

export const USAGE = `CSMS Workbook command line

Usage:
  csms demo [--out sample.json]
      Writes the sample workbook (IEC 62443-2-1:2024, dated today) as a snapshot
      file: its records only.
      Without --out the JSON goes to standard output.

  csms report <snapshot.json> [--out <file.docx>] [--doc report|soa|plan|register|all]
              [--comments] [--licensed-text] [--marking TEXT]
      Builds Word documents from a workbook snapshot file. The file carries records
      only: every score is computed from them, and a file with "scores" or
      "changeLog" is refused. A snapshot file holds no change log, so the documents
      say the change log was not verified.
      --doc             which document (default: report); "all" writes the four
      --out             the .docx to write; with --doc all, a folder (created if missing).
                        Default: the document's own file name in the current folder.
      --comments        include reviewers' comments
      --licensed-text   include the licensed official text held in the snapshot
      --marking TEXT    the classification marking printed on every page
                        (default: the organization's classification)

  csms --help
      Shows this text.

Exit codes: 0 success, 2 bad input or usage (one line on stderr), 1 unexpected failure.
`;

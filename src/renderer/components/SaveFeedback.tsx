/** What came of the last change: a quiet status line, and the error when there is one. */
export function SaveFeedback({ message, error }: { message: string; error: string }) {
  return (
    <>
      <p role="status" className="small">
        {message}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </>
  );
}

/** The end of a dialog form: its error, if any, then the submit and Cancel buttons. */
export function FormFooter({ error, submitLabel, onCancel }: { error: string; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text form-actions">
          {error}
        </p>
      )}
      <div className="button-row form-actions">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

/** Reveals and wires the Embed panel's copy buttons (the snippets stay selectable without JavaScript). */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copy!) as HTMLTextAreaElement | null;
    if (!field) return;
    const status = button.closest('.embed-dialog')?.querySelector('.copy-status');
    try {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = 'Copied.';
    } catch {
      field.select();
      if (status) status.textContent = 'Selected: press Ctrl+C or ⌘C to copy.';
    }
  });
}

/**
 * <cite-this>: reveals the copy buttons of a "Cite this" block and copies a
 * citation's plain text, saying so in the block's live region. Without
 * JavaScript the buttons stay hidden and the citations are selectable text.
 */
class CiteThis extends HTMLElement {
  connectedCallback(): void {
    const status = this.querySelector<HTMLElement>('[role="status"]');
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-copy-cite]')) {
      const target = document.getElementById(button.dataset.copyCite ?? '');
      if (!target) continue;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const text = target.dataset.text ?? target.textContent ?? '';
        const style = button.textContent?.replace(/^Copy | citation$/g, '') ?? '';
        try {
          await navigator.clipboard.writeText(text);
          if (status) status.textContent = `Copied the ${style} citation.`;
        } catch {
          const range = document.createRange();
          range.selectNodeContents(target);
          const selection = getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          if (status) status.textContent = 'Selected: press Ctrl+C or ⌘C to copy.';
        }
      });
    }
  }
}

customElements.define('cite-this', CiteThis);

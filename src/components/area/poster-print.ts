/** <poster-print>: « Imprimer l'affiche (A4) » / « (A3) » prints the commune's poster on that paper, then puts the page back. */
class PosterPrint extends HTMLElement {
  connectedCallback(): void {
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-paper]')) {
      button.addEventListener('click', () => {
        const root = document.documentElement;
        root.dataset.print = 'poster';
        root.dataset.paper = button.dataset.paper!;
        window.addEventListener(
          'afterprint',
          () => {
            delete root.dataset.print;
            delete root.dataset.paper;
          },
          { once: true },
        );
        window.print();
      });
    }
  }
}

customElements.define('poster-print', PosterPrint);

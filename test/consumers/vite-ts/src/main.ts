// Only the elements this page shows, one entry each.
import 'web-billing-kit/elements/provider';
import 'web-billing-kit/elements/login';
import 'web-billing-kit/elements/top';

const provider = document.querySelector('wb-provider')!;
provider.addEventListener('wb-logged-in', (event) => {
  if (event.stage !== 'active') return;
  event.preventDefault();
  provider.replaceChildren(document.createElement('wb-top'));
});

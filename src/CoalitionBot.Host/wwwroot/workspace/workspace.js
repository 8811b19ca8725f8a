// The coordinators' workspace works without this script; it only preselects the browser's own time zone
// on the New action form when the coordinator has not chosen one yet.
(() => {
  const zone = document.querySelector('select[data-browser-zone]');
  if (zone && !zone.dataset.chosen) {
    const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if ([...zone.options].some(o => o.value === mine)) { zone.value = mine; }
  }
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', e => { if (!confirm(form.dataset.confirm)) { e.preventDefault(); } });
  }
})();

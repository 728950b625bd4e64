// The method comes from the radio group; the tool cannot tell which rules apply.
function submitSelected(dr, form) {
  const chosen = form.elements.method.value;
  const request = {
    type: chosen,
    amount: form.dataset.total,
    currency: form.dataset.currency,
    owner: readOwner(form),
  };
  return dr.createSource(request);
}

const viaMember = (dr, cfg) => dr.createSource({
  type: cfg.methods[0],
  amount: cfg.total,
});

const viaTemplate = (dr, kind) => dr.createSource({ type: `${kind}`, currency: 'EUR' });

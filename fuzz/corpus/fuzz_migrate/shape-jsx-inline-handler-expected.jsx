import { useContext } from 'react';
import { DrContext } from './DrContext';

export default function KonbiniForm({ stores, total }) {
  const { dr } = useContext(DrContext);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        dr.createSource({ type: 'konbini', sessionId: checkout.payment.session.id, konbini: { storeId: e.target.store.value } })
          .then(({ source }) => window.location.assign(`/thanks?src=${source.id}`));
      }}
    >
      <select name="store">
        {stores.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
      <button type="submit">コンビニで支払う</button>
    </form>
  );
}

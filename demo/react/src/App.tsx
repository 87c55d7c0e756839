import { useState } from 'react';
import type {
  AnvaErrorEvent,
  ContractSelectEvent,
  SignedInEvent,
  SignedOutEvent,
} from './anva-elements.d.ts';

interface AppProps {
  authority: string;
  apiBase: string;
  clientId: string;
}

/** A broker's React page: the widgets as JSX elements, their events in React state. */
export function App({ authority, apiBase, clientId }: AppProps) {
  const [customer, setCustomer] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();

  const onSignedIn = (event: SignedInEvent) => {
    setCustomer(event.detail.profile.name ?? event.detail.profile.email);
    setProblem(undefined);
  };
  const onSignedOut = (event: SignedOutEvent) => {
    setCustomer(undefined);
    setSelected(undefined);
    if (event.detail.reason !== 'user') setProblem('U bent afgemeld. Log opnieuw in.');
  };
  // Show the chosen contract next to the list instead of navigating away.
  const onSelect = (event: ContractSelectEvent) => {
    event.preventDefault();
    setSelected(event.detail.id);
  };
  const onError = (event: AnvaErrorEvent) => setProblem(event.detail.message);

  return (
    <>
      <anva-hub
        authority={authority}
        client-id={clientId}
        api-base={apiBase}
        onanva-signed-in={onSignedIn}
        onanva-signed-out={onSignedOut}
      />
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href="/index.html">
            <img src="/favicon.svg" alt="" width="40" height="40" />
            <span>
              Verzekeringen De Vries<small>Mijn De Vries · React</small>
            </span>
          </a>
          <nav className="site-nav" aria-label="Hoofdmenu">
            <a href="/index.html">Home</a>
            <a href="/react/" aria-current="page">
              Mijn De Vries
            </a>
          </nav>
          <anva-login />
        </div>
      </header>
      <main>
        <div className="wrap">
          <h1>{customer ? `Welkom, ${customer}` : 'Mijn De Vries'}</h1>
          <p className="page-intro">
            {customer
              ? 'Kies een verzekering om de details te zien.'
              : 'Log in om uw verzekeringen te zien.'}
          </p>
          {problem && (
            <p className="notice" role="status">
              {problem}
            </p>
          )}
          {selected && (
            <section className="panel block" aria-labelledby="detail-title">
              <div className="panel-head">
                <h2 id="detail-title">Polisdetails</h2>
                <button type="button" className="button" onClick={() => setSelected(undefined)}>
                  Sluiten
                </button>
              </div>
              <anva-contract-detail contract-id={selected} />
            </section>
          )}
          <anva-contracts
            detail-href="/polis.html?contract={id}"
            page-size={10}
            onanva-contract-select={onSelect}
            onanva-error={onError}
          />
        </div>
      </main>
    </>
  );
}

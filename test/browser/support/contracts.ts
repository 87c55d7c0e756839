/** What the `<anva-contracts>` suites share: queries into the shadow root and a list with every status. */
import type { AnvaContracts } from '../../../src/components/contracts/contracts.component.js';
import { cellText } from './dom.js';

export const q = <T extends Element>(el: AnvaContracts, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
export const qa = (el: AnvaContracts, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];
/** The policy numbers under the descriptions, in row order. */
export const numbers = (el: AnvaContracts) =>
  qa(el, '[part~="number"]').map((n) => n.textContent!.trim().replace('Polisnummer ', ''));
/** The columns this suite was first written for: the number in its own column. */
export const CLASSIC = 'type,contractNumber,description,provider,status';
/** A column's texts, without the labels cards show. */
export const column = (el: AnvaContracts, index: number) =>
  qa(el, 'tbody tr').map((row) => cellText(row.querySelectorAll('td')[index]!));

/** Contracts with every status, for sorting and filtering. */
export const MANY = [
  {
    id: 'c1',
    status: 'Lopend',
    metadata: {
      contractNumber: 'B-2',
      productDescription: 'Autoverzekering',
      afdDefinitionName: 'Personenauto',
      porCompany: { code: 'N013', name: 'Basisvolmacht' },
    },
  },
  {
    id: 'c2',
    status: 'Opgeschort',
    metadata: {
      contractNumber: 'A-10',
      productDescription: 'Motorverzekering',
      porCompany: { code: 'N048', name: 'Noordhollandsche' },
    },
  },
  {
    id: 'c3',
    status: 'Premievrij',
    metadata: {
      contractNumber: 'A-9',
      productDescription: 'Uitvaartverzekering',
      porCompany: 'Uitvaartzorg Noord',
    },
  },
  {
    id: 'c4',
    status: 'Geroyeerd',
    metadata: {
      contractNumber: 'C-1',
      productDescription: 'Woonhuis',
      porCompany: 'Basisvolmacht',
    },
  },
  {
    id: 'c5',
    status: 'Lopend',
    metadata: { contractNumber: 'D-1', productDescription: 'Reis', effectiveDate: '2999-01-01' },
  },
  {
    id: 'c6',
    status: 'Lopend',
    metadata: {
      contractNumber: 'E-1',
      productDescription: 'Rechtsbijstand',
      expiryDate: '2001-01-01',
    },
  },
  {
    id: 'c7',
    status: 'In onderzoek',
    metadata: { contractNumber: 'F-1', productDescription: 'Inboedel' },
  },
];

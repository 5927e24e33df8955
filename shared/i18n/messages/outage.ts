import { defineCatalog } from '../catalog';

/** "Is it us?": the mass outage and the NOC's uplink, outside their alarms' own texts. */
export const outageMessages = defineCatalog({
  'pt-BR': {
    'outage.demoOnly': 'Só a rede de demonstração (--demo) simula a queda do uplink.',
  },
  en: {
    'outage.demoOnly': 'Only the demo network (--demo) simulates the uplink going down.',
  },
});

import { defineCatalog } from '../catalog';

/**
 * What the engine says when a confirmed import cannot be written (the inventory changed since the
 * preview, or a caller sent references that do not hold). Rows are numbered as sent, from 1.
 */
export const inventoryImportMessages = defineCatalog({
  'pt-BR': {
    'inventoryImport.towerMissing': 'Linha {row}: a torre {id} não existe (mais); nada foi importado.',
    'inventoryImport.towerIndex': 'Linha {row}: a torre nova nº {index} não foi enviada; nada foi importado.',
    'inventoryImport.parentMissing':
      'Linha {row}: o equipamento pai {id} não existe (mais); nada foi importado.',
    'inventoryImport.parentIndex':
      'Linha {row}: o pai é a linha {index}, que não existe ou é ela mesma; nada foi importado.',
    'inventoryImport.parentLoop': 'As linhas {rows} formam um ciclo de pais; nada foi importado.',
    'inventoryImport.hostInUse':
      'Linha {row}: o endereço {host} já é do equipamento "{owner}"; nada foi importado.',
    'inventoryImport.hostTwice': 'As linhas {first} e {row} têm o mesmo endereço {host}; nada foi importado.',
    'inventoryImport.codeInUse':
      'A torre nova "{name}" tem o código {code}, que já existe; nada foi importado.',
  },
  en: {
    'inventoryImport.towerMissing': 'Row {row}: tower {id} does not exist (any more); nothing was imported.',
    'inventoryImport.towerIndex': 'Row {row}: new tower no. {index} was not sent; nothing was imported.',
    'inventoryImport.parentMissing':
      'Row {row}: parent device {id} does not exist (any more); nothing was imported.',
    'inventoryImport.parentIndex':
      'Row {row}: its parent is row {index}, which does not exist or is itself; nothing was imported.',
    'inventoryImport.parentLoop': 'Rows {rows} form a loop of parents; nothing was imported.',
    'inventoryImport.hostInUse':
      'Row {row}: the address {host} already belongs to device "{owner}"; nothing was imported.',
    'inventoryImport.hostTwice': 'Rows {first} and {row} have the same address {host}; nothing was imported.',
    'inventoryImport.codeInUse':
      'New tower "{name}" has the code {code}, which already exists; nothing was imported.',
  },
});

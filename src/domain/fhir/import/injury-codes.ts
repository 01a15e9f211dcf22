// SNOMED CT codes that report an injury: a bruise (contusion), petechiae, a fracture, a burn,
// bleeding, and the injuries a bruised or injured baby is most often coded with. A coded finding is
// read before its words (injury-words.ts): the code says what the sender's system recorded, the
// words only what someone typed. Descendants not listed here are still found by their words.
export const INJURY_CODES: ReadonlySet<string> = new Set([
  // Bruising and petechiae
  '125667009', // Contusion (bruise)
  '271757001', // Petechiae
  // Fractures
  '125605004', // Fracture of bone
  '72704001', // Fracture (morphology)
  '423125000', // Closed fracture of bone
  '397181002', // Open fracture
  // Burns and scalds
  '125666000', // Burn
  '77140003', // First degree burn injury
  '46541008', // Second degree burn injury
  '80247002', // Third degree burn injury
  // Bleeding
  '131148009', // Bleeding
  '26322001', // Bleeding from ear
  '12441001', // Epistaxis (bleeding from the nose)
  '297968009', // Bleeding skin
  '35486000', // Subdural haemorrhage
  // Other injuries
  '417746004', // Traumatic injury
  '82271004', // Injury of head
  '110030002', // Concussion injury of brain
  '399963005', // Abrasion
]);

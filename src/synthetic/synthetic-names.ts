// Small lists of common UK names for synthetic people and places. Any resemblance is chance.
export const FEMALE_NAMES = [
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia', 'Ivy', 'Lily', 'Freya', 'Grace', 'Sophie', 'Emily', 'Chloe', 'Jessica', 'Hannah', 'Aisha',
  'Zara', 'Priya', 'Fatima', 'Niamh', 'Megan', 'Rosie', 'Ellie', 'Leah', 'Kayleigh', 'Jade', 'Chantelle', 'Amira', 'Maja', 'Zofia', 'Ruby',
] as const;

export const MALE_NAMES = [
  'Oliver', 'George', 'Noah', 'Arthur', 'Leo', 'Harry', 'Jack', 'Charlie', 'Thomas', 'Jacob', 'Muhammad', 'Ibrahim', 'Ethan', 'Liam', 'Kyle',
  'Ryan', 'Daniel', 'James', 'Callum', 'Connor', 'Aaron', 'Jordan', 'Dylan', 'Mason', 'Reece', 'Tyler', 'Kacper', 'Jakub', 'Owen', 'Rhys',
] as const;

export const FAMILY_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Khan', 'Hussain', 'Ali', 'Begum', 'Kowalski', 'Nowak',
  'Murphy', 'Kelly', "O'Brien", 'Okafor', 'Mensah', 'Hughes', 'Edwards', 'Lewis', 'Harris', 'Martin', 'Cooper', 'Ward', 'Turner',
] as const;

export const PLACE_NAMES = [
  'Ashford', 'Brampton', 'Calder', 'Dunmore', 'Eastleigh', 'Fairfield', 'Glenholme', 'Harwood', 'Ivybridge', 'Kingsmere',
  'Longdale', 'Marsden', 'Northfield', 'Oakham', 'Penbury', 'Queensway', 'Redhill', 'Stanmore', 'Thornbury', 'Westvale',
] as const;

/** Choices the schema allows, in the order the controls list them. */
export const PADDINGS = ['valid', 'same'] as const;
export const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;

import vader from 'vader-sentiment';

/** VADER compound in [-1, 1]. Tone only: an empathic apology scores negative, so this is never an empathy measure. */
export const vaderCompound = (text: string): number => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;

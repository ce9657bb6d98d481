// vader-sentiment 1.1.3 ships no types; only the one static method we call is declared.
declare module 'vader-sentiment' {
  export interface PolarityScores { neg: number; neu: number; pos: number; compound: number }
  const vader: { SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores } };
  export default vader;
}

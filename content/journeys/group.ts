import type { JourneyPlan } from "./build";

// Journeys for groups and teams, where everyone speaks before anyone speaks twice.

export const TEAM_RETRO: JourneyPlan = {
  slug: "team-retrospective",
  name: "Team Retrospective",
  description: "Look back on a stretch of work together, see it from new angles, agree on what matters and commit to one change each.",
  audience: "group",
  phases: [
    {
      key: "pause", purpose: "Arrive as a team and leave the last meeting behind.",
      steps: [{
        title: "Check-in round", minutes: 5,
        facilitator: "Invite a minute of quiet, then a round: each person says one word for how they arrive. No discussion yet.",
        participant: "Notice how you are arriving. Share one word with the team.",
        prompts: ["In one word, how are you arriving?"],
      }],
    },
    {
      key: "expand", purpose: "See the period from several angles, each person through an image.",
      steps: [
        {
          title: "Our period in a picture", minutes: 12, deck: "photo", draw: "choose", count: 1,
          facilitator: "Spread the photo deck. Each person chooses the image that shows the last period for them. Go round; everyone speaks before anyone speaks twice.",
          participant: "Choose a picture that shows how the last period was for you, and share what you see in it.",
          prompts: ["What in this picture shows the last period for you?", "What did you notice in other people's cards?"],
        },
        {
          title: "Pairs", minutes: 8, deck: "photo", draw: "face-down", count: 1,
          facilitator: "Open breakouts in pairs. Each pair draws one face-down card as 'what we have not talked about'.",
          participant: "In your pair, turn the card together and talk about what it shows that the team has not said.",
          prompts: ["What does this card show that we have not talked about?", "What went well that we forget to say?"],
        },
      ],
    },
    {
      key: "focus", purpose: "Agree on what matters most for the next period.",
      steps: [{
        title: "What matters", minutes: 10, deck: "word", draw: "face-up", count: 8,
        facilitator: "Bring everyone back. Lay eight word cards on the table. Each person places a mark on one; discuss the top two.",
        participant: "Choose the word that names what matters most for the team now.",
        prompts: ["Which word names what matters most for us now?", "What would it look like if we lived it in the next period?"],
      }],
    },
    {
      key: "do", purpose: "One change per person, said aloud, with a time frame.",
      steps: [{
        title: "Commitments round", minutes: 8,
        facilitator: "Go round: each person names one thing they will start, stop or keep, and by when. Record each commitment.",
        participant: "Say aloud one thing you will start, stop or keep, and by when.",
        prompts: ["What will you start, stop or keep?", "By when?", "How will we know?"],
      }],
    },
  ],
};

export const CONFLICT: JourneyPlan = {
  slug: "conflict-and-perspective",
  name: "Conflict and Perspective",
  description: "For two people or a small group in tension: slow down, see through the other's eyes, find common ground and a first step.",
  audience: "group",
  phases: [
    {
      key: "pause", purpose: "Lower the temperature and agree how to talk.",
      steps: [{
        title: "Settling", minutes: 4,
        facilitator: "Invite a pause and a breath. Agree together: one person speaks at a time, no interrupting, each speaks from their own experience.",
        participant: "Notice what you feel right now, without acting on it. Agree on how we will talk.",
        prompts: ["What do you notice in yourself right now?", "What do you need from this conversation to feel safe?"],
      }],
    },
    {
      key: "expand", purpose: "See the situation from each side and from outside it.",
      steps: [
        {
          title: "My side", minutes: 10, deck: "photo", draw: "choose", count: 1,
          facilitator: "Each person chooses a photo card for how the situation looks from where they stand, and shares. The other reflects back what they heard before responding.",
          participant: "Choose a picture for how this looks from where you stand. Share it; then reflect back what you heard from the other.",
          prompts: ["How does this picture show the situation for you?", "What did you hear the other person say?"],
        },
        {
          title: "Through the other's eyes", minutes: 8, deck: "photo", draw: "face-up", count: 6,
          facilitator: "Each person now picks the card they imagine the other would choose. Compare with what the other actually chose.",
          participant: "Choose the card you imagine the other person sees. Then hear how close you were.",
          prompts: ["Which card do you think they see, and what makes you think so?", "What surprised you about their picture?"],
        },
      ],
    },
    {
      key: "focus", purpose: "Find what both sides care about.",
      steps: [{
        title: "Common ground", minutes: 8, deck: "word", draw: "face-up", count: 10,
        facilitator: "Lay ten word cards. Ask the parties to find one word both care about. Do not push for agreement on everything.",
        participant: "Find one word that matters to both of you.",
        prompts: ["What do you both care about here?", "What does that shared value ask of each of you?"],
      }],
    },
    {
      key: "do", purpose: "One first step each, small enough to keep.",
      steps: [{
        title: "First steps", minutes: 5,
        facilitator: "Each person names one step toward the other within a week. Record both and agree when to check in.",
        participant: "Name one step you will take toward the other within a week.",
        prompts: ["What is one step you will take, and by when?", "When will you check in with each other?"],
      }],
    },
  ],
};

export const GRATITUDE: JourneyPlan = {
  slug: "gratitude-and-closure",
  name: "Gratitude and Closure",
  description: "To close a project, a programme, a year or a chapter: notice what was, give thanks, take one thing forward.",
  audience: "any",
  phases: [
    {
      key: "pause", purpose: "Arrive and let the chapter come to mind.",
      steps: [{
        title: "Looking back", minutes: 4,
        facilitator: "Play calm sound. Invite everyone to let the chapter pass before their eyes, from its start until today.",
        participant: "Let the chapter pass in your mind, from the beginning until now. Notice what stands out.",
        prompts: ["What moment stands out when you look back?"],
      }],
    },
    {
      key: "expand", purpose: "Honour what happened through images.",
      steps: [{
        title: "The chapter in a picture", minutes: 10, deck: "photo", draw: "choose", count: 1,
        facilitator: "Each person chooses a photo card for the chapter and shares what it holds. Everyone speaks before anyone speaks twice.",
        participant: "Choose a picture for this chapter and share what it holds for you.",
        prompts: ["What does this picture hold about this chapter?", "What are you taking with you from it?"],
      }],
    },
    {
      key: "focus", purpose: "Name the gratitude and the learning.",
      steps: [{
        title: "Thanks", minutes: 10, deck: "question", draw: "face-down", count: 1,
        facilitator: "Deal each person one question card. Then invite each to thank one person in the room, or beyond it, for something specific.",
        participant: "Answer your question card. Then thank someone for something specific.",
        prompts: ["Whom would you like to thank, and for what?", "What did you learn about yourself in this chapter?"],
      }],
    },
    {
      key: "do", purpose: "Close the chapter and take one thing forward.",
      steps: [{
        title: "Closing round", minutes: 6,
        facilitator: "A last round: each person says what they take forward and one step in the next week. Record them. End with a moment of silence.",
        participant: "Say what you take forward, and one step you will take in the coming week.",
        prompts: ["What do you take forward?", "What will you do with it within the next week?"],
      }],
    },
  ],
};

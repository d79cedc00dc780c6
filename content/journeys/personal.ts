import type { JourneyPlan } from "./build";

// Journeys for one person: with a coach, or alone with the builtin coach.

export const ONE_TO_ONE: JourneyPlan = {
  slug: "one-to-one-topic",
  name: "Coaching on a Topic",
  description: "A 1:1 session around a topic the client brings: arrive, see it through an image, name what matters, and leave with one step.",
  audience: "one-to-one",
  phases: [
    {
      key: "pause", purpose: "Arrive, slow down and notice body, feeling and thought before the topic.",
      steps: [{
        title: "Arriving", minutes: 3,
        facilitator: "Invite three slow breaths. Ask how the client is arriving, without touching the topic yet. Leave silence.",
        participant: "Close your eyes or soften your gaze. Notice your body, your mood and your thoughts, just as they are.",
        prompts: ["How are you arriving right now?", "What do you notice in your body?", "In a few words, what topic would you like to explore today?"],
      }],
    },
    {
      key: "expand", purpose: "Widen the view of the topic through a photo card drawn at random.",
      steps: [
        {
          title: "A card face down", minutes: 8, deck: "photo", draw: "face-down", count: 1,
          facilitator: "Deal one photo card face down. Let the client turn it. Ask what they see before asking how it relates. Remind them there are no good or bad cards.",
          participant: "Turn your card over. Describe what you see, as if to someone who cannot see it.",
          prompts: ["What do you see in this picture?", "What surprised you when you turned it over?", "How does this image speak to your topic?"],
        },
        {
          title: "Another angle", minutes: 6, deck: "photo", draw: "face-up", count: 6,
          facilitator: "Spread six cards face up. Ask the client to pick one that shows how they would like the topic to look. Compare the two images.",
          participant: "Choose the card that shows how you would like this to be.",
          prompts: ["What drew you to this one?", "What is the distance between the first picture and this one?", "What lives in the space between them?"],
        },
      ],
    },
    {
      key: "focus", purpose: "Narrow to the one insight that matters most.",
      steps: [{
        title: "One word", minutes: 6, deck: "word", draw: "choose", count: 1,
        facilitator: "Offer the word deck. Let the client choose the word that names what matters most. Reflect their own words back.",
        participant: "Pick the one word that names what matters most to you now.",
        prompts: ["What does this word mean to you right now?", "If you took one insight from today, what would it be?"],
      }],
    },
    {
      key: "do", purpose: "Commit to one small, concrete step with a time frame.",
      steps: [{
        title: "One step", minutes: 5,
        facilitator: "Ask for one step within 24 hours to a week. Check readiness on a 1 to 10 scale. Ask how they will know it is done. Record the commitment.",
        participant: "Write one concrete step, when you will take it, and how you will know you did.",
        prompts: ["What is one step you will take, and by when?", "From 1 to 10, how ready are you?", "How will you know you have done it?"],
      }],
    },
  ],
};

export const SELF_REFLECTION: JourneyPlan = {
  slug: "self-reflection",
  name: "A Quiet Check-in",
  description: "A solo reflection of about twenty minutes with the builtin coach: where am I, what do I notice, what do I need?",
  audience: "solo",
  phases: [
    {
      key: "pause", purpose: "Stop, breathe and notice what is here.",
      steps: [{
        title: "Stillness", minutes: 2,
        facilitator: "Start a two-minute timer with calm sound. No cards yet.",
        participant: "Breathe slowly. Notice your body from feet to head, then your feeling, then your thoughts.",
        prompts: ["What do you notice in your body?", "What feeling is most present?", "What thought keeps returning?"],
      }],
    },
    {
      key: "expand", purpose: "Let an unexpected image show you something new.",
      steps: [{
        title: "A surprise card", minutes: 6, deck: "photo", draw: "face-down", count: 1,
        facilitator: "Deal one photo card face down. The coach asks about the image first, then about life.",
        participant: "Turn the card. Write what you see, then what it might say about you right now.",
        prompts: ["What do you see?", "Where are you in this picture?", "What does it show you that you had not noticed?"],
      }],
    },
    {
      key: "focus", purpose: "Choose what matters most today.",
      steps: [{
        title: "A question to hold", minutes: 6, deck: "question", draw: "face-down", count: 1,
        facilitator: "Deal one question card. Give room to write before the coach reflects.",
        participant: "Answer the question in writing, without editing yourself.",
        prompts: ["What is your honest answer?", "What is the one sentence you want to remember?"],
      }],
    },
    {
      key: "do", purpose: "Give yourself one kind, concrete step.",
      steps: [{
        title: "A promise to myself", minutes: 4,
        facilitator: "Ask for one step within the next 24 hours and save it as a commitment.",
        participant: "Write one thing you will do for yourself within 24 hours.",
        prompts: ["What will you do, and when?", "What might get in the way, and what will you do then?"],
      }],
    },
  ],
};

export const VISION: JourneyPlan = {
  slug: "vision-and-goals",
  name: "Vision and Goals",
  description: "From a picture of the future to a first milestone: for a person or a team setting direction for the months ahead.",
  audience: "any",
  phases: [
    {
      key: "pause", purpose: "Arrive in the present before looking ahead.",
      steps: [{
        title: "Here and now", minutes: 3,
        facilitator: "Invite a short pause. Ask each person to name where they are today in one word.",
        participant: "Notice where you are today, in body and mood. Choose one word for it.",
        prompts: ["What one word describes where you are today?"],
      }],
    },
    {
      key: "expand", purpose: "Imagine the future freely through images.",
      steps: [
        {
          title: "Picture the future", minutes: 10, deck: "photo", draw: "face-up", count: 12,
          facilitator: "Spread twelve photo cards face up. Ask each person to choose the image of how things look one year from now, when it has gone well.",
          participant: "Choose the card that shows your future, one year from now, when things have gone well.",
          prompts: ["What do you see in this picture of your future?", "What is happening there? Who is with you?", "What does it feel like to be there?"],
        },
        {
          title: "The way there", minutes: 6, deck: "photo", draw: "face-down", count: 1,
          facilitator: "Deal one card face down: the road between now and then. Ask what it shows about the way.",
          participant: "Turn your card: it shows something about the way there.",
          prompts: ["What does this card tell you about the journey?", "What might help or hinder you along the way?"],
        },
      ],
    },
    {
      key: "focus", purpose: "Name the goal and the value under it.",
      steps: [{
        title: "The heart of it", minutes: 8, deck: "word", draw: "choose", count: 1,
        facilitator: "Ask each person to choose a word for the value at the heart of their vision, then to say the goal in one sentence.",
        participant: "Choose the word for what matters most in your vision, and write your goal in one sentence.",
        prompts: ["Which value is at the heart of this vision?", "How would you say your goal in one sentence?", "How will you know you have reached it?"],
      }],
    },
    {
      key: "do", purpose: "Set the first milestone and the first step.",
      steps: [{
        title: "First milestone", minutes: 6,
        facilitator: "Ask for a milestone within a month and a first step within a week. Record both.",
        participant: "Write your first milestone, and the first step you will take this week.",
        prompts: ["What is the first milestone, and by when?", "What step will you take this week?", "Who can support you?"],
      }],
    },
  ],
};
